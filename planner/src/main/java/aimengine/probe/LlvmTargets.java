package aimengine.probe;

import java.util.Locale;

/** The target names the tools print, turned into the LLVM names the hardware catalog uses. */
final class LlvmTargets {
    private LlvmTargets() {
    }

    /**
     * KFD's gfx_target_version is major*10000 + minor*100 + stepping; the LLVM name writes minor and stepping as
     * hex digits: 90010 -> gfx90a, 90402 -> gfx942, 110000 -> gfx1100. Null for 0 (old kernels, CPU nodes).
     */
    static String fromKfd(long version) {
        if (version <= 0) {
            return null;
        }
        long major = version / 10000;
        long minor = version / 100 % 100;
        long stepping = version % 100;
        return "gfx" + major + Long.toHexString(minor) + Long.toHexString(stepping);
    }

    /** amd-smi prints "gfx942" and sometimes "gfx942:sramecc+:xnack-"; the features are not part of the target. */
    static String fromAmdSmi(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon >= 0) {
            t = t.substring(0, colon);
        }
        return t.matches("gfx[0-9a-f]{3,5}") ? t : null;
    }

    /**
     * rocm-smi's "GFX Version" writes major, minor and stepping as decimal numbers side by side: gfx9010 is 9, 0, 10,
     * that is gfx90a; gfx942 is gfx942; gfx1100 (a two-digit major, 10 and up) is gfx1100. A name with a hex letter is
     * already an LLVM name. Null for anything else.
     */
    static String fromRocmSmi(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("gfx[0-9]*[a-f][0-9a-f]*")) {
            return fromAmdSmi(t);
        }
        if (!t.matches("gfx[0-9]{3,6}")) {
            return null;
        }
        String digits = t.substring(3);
        int majorDigits = digits.startsWith("1") ? 2 : 1;
        if (digits.length() < majorDigits + 2) {
            return null;
        }
        int major = Integer.parseInt(digits.substring(0, majorDigits));
        int minor = Integer.parseInt(digits.substring(majorDigits, majorDigits + 1));
        int stepping = Integer.parseInt(digits.substring(majorDigits + 1));
        return stepping < 16 ? fromKfd(major * 10000L + minor * 100L + stepping) : null;
    }

    /** nvidia-smi's compute capability "9.0" -> "sm_90"; null for "[N/A]" or anything else. */
    static String fromComputeCapability(String text) {
        if (text == null || !text.strip().matches("\\d+\\.\\d+")) {
            return null;
        }
        return "sm_" + text.strip().replace(".", "");
    }
}
