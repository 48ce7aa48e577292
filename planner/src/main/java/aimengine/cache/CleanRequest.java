package aimengine.cache;

import java.time.Duration;
import java.time.Instant;

/**
 * What to clean: models unused for longer than a duration, one model, or one model only if unused that long.
 *
 * @param olderThan delete models last used (written or read) longer ago than this; null: regardless of age
 * @param modelId   only this model; null: all models
 */
public record CleanRequest(Duration olderThan, String modelId) {

    public CleanRequest {
        if (olderThan == null && modelId == null) {
            throw new IllegalArgumentException("a clean needs an age, a model or both");
        }
    }

    /** Whether the model is old enough; a model without any file time counts as old. */
    boolean oldEnough(CachedModel model, Instant now) {
        Instant lastUsed = model.lastUsed();
        return olderThan == null || lastUsed == null || lastUsed.isBefore(now.minus(olderThan));
    }
}
