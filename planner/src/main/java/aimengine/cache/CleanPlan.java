package aimengine.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a clean would do, made without deleting anything.
 *
 * @param root    the cache folder
 * @param now     the time the ages were measured against
 * @param request what was asked
 * @param delete  the models to delete, as scanned for the plan
 * @param skipped models that match but stay, with the reason (in use, a link, too recent)
 */
public record CleanPlan(Path root, Instant now, CleanRequest request, List<CachedModel> delete,
                        List<SkippedModel> skipped) {

    public CleanPlan {
        delete = List.copyOf(delete);
        skipped = List.copyOf(skipped);
    }

    public long bytesToFree() {
        return delete.stream().mapToLong(CachedModel::bytesOnDisk).sum();
    }
}
