package aimengine.facts;

/** A candidate that cannot run without the model's own code from the Hub, and why. */
public record RemoteCodeNeed(String candidate, String reason) {
}
