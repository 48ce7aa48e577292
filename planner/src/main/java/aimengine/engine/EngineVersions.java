package aimengine.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders engine versions as their release numbers: "0.10.1" &lt; "0.13.2" &lt; "0.14.0". A leading "v" is ignored;
 * a suffix such as ".post1", "rc1" or "+rocm" after the numbers counts as the release it follows ("0.5.10.post1"
 * compares as 0.5.10), which is what an advisory's range means by a release.
 */
public final class EngineVersions {
    private EngineVersions() {
    }

    public static int compare(String a, String b) {
        List<Integer> x = numbers(a);
        List<Integer> y = numbers(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether the text starts like a release number (digits, dots). */
    public static boolean valid(String version) {
        return !numbers(version).isEmpty();
    }

    private static List<Integer> numbers(String version) {
        String v = version.trim();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        List<Integer> parts = new ArrayList<>();
        for (String part : v.split("\\.")) {
            int end = 0;
            while (end < part.length() && Character.isDigit(part.charAt(end))) {
                end++;
            }
            if (end == 0 || end > 9) {
                break;
            }
            parts.add(Integer.parseInt(part.substring(0, end)));
            if (end < part.length()) {
                break;
            }
        }
        return parts;
    }
}
