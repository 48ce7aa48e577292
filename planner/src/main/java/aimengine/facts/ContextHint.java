package aimengine.facts;

/** A candidate that fits only with a shorter context: the longest context that fits, and the rule's message. */
public record ContextHint(String candidate, int maxModelLen, String rule, String message) {
}
