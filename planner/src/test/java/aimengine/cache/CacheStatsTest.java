package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStatsTest {
    private static final Path ROOT = Path.of("/cache");

    private static CachedModel model(String id, long bytes, int revisions, boolean complete) {
        List<CachedRevision> revs = IntStream.range(0, revisions)
                .mapToObj(i -> new CachedRevision("r" + i, List.of(), 1, 1, bytes, null, List.of())).toList();
        return new CachedModel(id, ROOT.resolve(id), revs, revisions, bytes, null, null,
                complete ? List.of() : List.of("broken"));
    }

    @Test
    void totalsOverAllModelsAndTheLargestFirst() {
        List<CachedModel> models = List.of(model("a", 10, 1, true), model("b", 300, 2, false),
                model("c", 300, 1, true), model("d", 5, 1, true), model("e", 50, 1, true), model("f", 7, 3, false));
        CacheStats stats = CacheStats.of(ROOT, models, 1234);
        assertEquals(6, stats.models());
        assertEquals(2, stats.incompleteModels());
        assertEquals(9, stats.revisions());
        assertEquals(672, stats.totalBytes());
        assertEquals(1234, stats.freeBytes());
        assertEquals(List.of("b", "c", "e", "a", "f"), stats.largest().stream().map(CachedModel::id).toList(),
                "the five largest, ties by id");
    }

    @Test
    void anEmptyCache() {
        CacheStats stats = CacheStats.of(ROOT, List.of(), -1);
        assertEquals(0, stats.totalBytes());
        assertEquals(List.of(), stats.largest());
    }

    @Test
    void freeSpaceIsMeasuredWhereTheCacheWillBe(@TempDir Path tmp) {
        long free = FreeSpace.of(tmp.resolve("not/yet/created"));
        assertEquals(FreeSpace.of(tmp), free, "the nearest existing folder's file system");
        assertTrue(free > 0);
    }
}
