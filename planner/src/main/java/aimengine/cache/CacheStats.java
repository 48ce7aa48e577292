package aimengine.cache;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Totals over a hub cache.
 *
 * @param root             the cache folder
 * @param models           models in it
 * @param incompleteModels of those, the incomplete ones
 * @param revisions        snapshots over all models
 * @param totalBytes       bytes on disk over all models
 * @param freeBytes        bytes free for this user on the file system of the cache, -1 when unknown
 * @param largest          the {@value #LARGEST_SHOWN} largest models, largest first
 */
public record CacheStats(Path root, int models, int incompleteModels, int revisions, long totalBytes,
                         long freeBytes, List<CachedModel> largest) {
    public static final int LARGEST_SHOWN = 5;

    public CacheStats {
        largest = List.copyOf(largest);
    }

    public static CacheStats of(Path root, List<CachedModel> models, long freeBytes) {
        return new CacheStats(root, models.size(),
                (int) models.stream().filter(m -> !m.complete()).count(),
                models.stream().mapToInt(m -> m.revisions().size()).sum(),
                models.stream().mapToLong(CachedModel::bytesOnDisk).sum(),
                freeBytes,
                models.stream()
                        .sorted(Comparator.comparingLong(CachedModel::bytesOnDisk).reversed()
                                .thenComparing(CachedModel::id))
                        .limit(LARGEST_SHOWN).toList());
    }
}
