package aimengine.engine;

/** Flag-name normalisation, alike for every engine (per-engine names are in {@link EngineProfile}). */
public final class EngineFlags {
    private EngineFlags() {
    }

    /** Engines accept '_' and '-' alike in flag names; compare them so. */
    public static String normalize(String flag) {
        String f = flag.startsWith("--") ? flag : "--" + flag;
        return "--" + f.substring(2).replace('_', '-');
    }

    public static boolean sameFlag(String a, String b) {
        return normalize(a).equals(normalize(b));
    }
}
