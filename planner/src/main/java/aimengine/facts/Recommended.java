package aimengine.facts;

/** A surviving candidate that matches a vendor recommendation (see {@link Recommendation}). */
public record Recommended(String candidate, Recommendation by) {
}
