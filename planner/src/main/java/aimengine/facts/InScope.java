package aimengine.facts;

/** A candidate that can serve the request at all (its recipe serves the model, or is general); others are set aside. */
public record InScope(String candidate) {
}
