package aimengine.facts;

/** A candidate exposed to an advisory: its engine version is in the range and the advisory's condition holds. */
public record AdvisoryHit(String candidate, Advisory advisory, String version) {
}
