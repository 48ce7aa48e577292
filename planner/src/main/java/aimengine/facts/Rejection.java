package aimengine.facts;

/** A candidate ruled out: which rule, and why, with the numbers. A candidate may collect several. */
public record Rejection(String candidate, String rule, String reason) {
}
