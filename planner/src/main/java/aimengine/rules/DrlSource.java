package aimengine.rules;

/** One DRL file: the name used in messages (its path) and its text. */
public record DrlSource(String name, String text) {
}
