package aimengine.cache;

/** A model a clean would have deleted, or was asked to delete, and leaves alone, with the reason. */
public record SkippedModel(String id, String reason) {
}
