package aimengine.facts;

/**
 * How the requested model's facts were looked for: where they came from, or where aim-engine looked and why it found
 * none (the model resolver's words), so that "no facts" can say so.
 */
public record ModelSearch(String model, String result) {
}
