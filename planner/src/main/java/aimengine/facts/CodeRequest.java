package aimengine.facts;

/** A candidate whose recipe (or an override) asks the engine for --trust-remote-code; origin says who asked. */
public record CodeRequest(String candidate, String origin) {
}
