package aimengine.facts;

/** The chosen candidate and the context it runs with (its own, or a shorter one that fits). */
public record Selection(String candidate, int maxModelLen, boolean shortened) {
}
