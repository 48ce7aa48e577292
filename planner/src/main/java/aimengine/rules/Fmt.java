package aimengine.rules;

import java.util.Locale;

/** Number formatting for rule messages, so every rule writes numbers the same way. */
public final class Fmt {
    private Fmt() {
    }

    /** GiB with one decimal: "172.8". */
    public static String gib(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A fraction with two decimals: "0.90". */
    public static String fraction(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Parameters in billions: "405.9B" (the fit rules name a MoE model's total and active parameters). */
    public static String billions(long parameters) {
        return String.format(Locale.ROOT, "%.1fB", parameters / 1e9);
    }
}
