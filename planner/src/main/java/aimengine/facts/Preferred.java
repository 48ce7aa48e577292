package aimengine.facts;

/** The candidate whose rank comes first among the survivors. */
public record Preferred(String candidate) {
}
