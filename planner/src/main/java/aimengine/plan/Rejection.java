package aimengine.plan;

/**
 * A candidate ruled out: which rule, and why, with the numbers. A candidate may collect several.
 *
 * @param outOfScope the candidate was never a way to serve this request (its recipe serves another model); the plan
 *                   counts such candidates instead of listing them
 */
public record Rejection(String candidate, String rule, String reason, boolean outOfScope) {

    public Rejection(String candidate, String rule, String reason) {
        this(candidate, rule, reason, false);
    }

    public static Rejection outOfScope(String candidate, String rule, String reason) {
        return new Rejection(candidate, rule, reason, true);
    }
}
