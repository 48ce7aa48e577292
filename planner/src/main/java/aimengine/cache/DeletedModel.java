package aimengine.cache;

/** A model a clean removed from the cache, with the bytes its deletion freed. */
public record DeletedModel(String id, long bytesFreed) {
}
