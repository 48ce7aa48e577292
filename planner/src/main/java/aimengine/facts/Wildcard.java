package aimengine.facts;

/** Matching of the trust policy's patterns: '*' stands for any run of characters (slashes included). */
public final class Wildcard {
    private Wildcard() {
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase() : pattern;
        String t = ignoreCase ? text.toLowerCase() : text;
        return matches(p, 0, t, 0);
    }

    private static boolean matches(String p, int pi, String t, int ti) {
        // Iterative glob matching with one backtrack point: linear enough for ids and paths.
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == t.charAt(ti)) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
