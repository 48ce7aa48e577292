package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cache.CheckpointStatus.Cached;
import aimengine.hardware.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStatusTest {
    private static final String OLD_REV = "1111111111111111111111111111111111111111";
    private static final String MAIN_REV = "2222222222222222222222222222222222222222";
    /** A toy model of 500 parameters in bf16. */
    private static final long EXPECTED = (long) (500 * Precision.BF16.bytesPerParameter());

    @TempDir
    Path tmp;
    HubTree hub;
    CacheRoot root;

    @BeforeEach
    void setUp() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("hub"));
        hub = new HubTree(dir);
        root = new CacheRoot(dir, "test");
    }

    @Test
    void aModelNotInTheCacheIsNotCachedAndAllOfItIsToDownload() {
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", EXPECTED);
        assertEquals(Cached.NO, s.cached());
        assertEquals(0, s.bytesOnDisk());
        assertEquals(EXPECTED, s.bytesToDownload());
        assertNull(s.revision());
        assertFalse(s.usableOffline());
    }

    @Test
    void aCompleteSnapshotOfTheExpectedSizeIsCached() {
        hub.model("org/m").file(MAIN_REV, "config.json", "c", 20).file(MAIN_REV, "model.safetensors", "w", 990)
                .ref("main", MAIN_REV);
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", EXPECTED);
        assertEquals(new CheckpointStatus("org/m", Cached.YES, MAIN_REV, 1010, EXPECTED, 0, List.of()), s);
        assertTrue(s.usableOffline());
    }

    @Test
    void theSnapshotMainNamesIsJudgedNotTheNewest() {
        hub.model("org/m")
                .file(MAIN_REV, "model.safetensors", "w", 1000).ref("main", MAIN_REV)
                .times(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
                .file(OLD_REV, "config.json", "c", 10);
        assertEquals(MAIN_REV, CheckpointStatus.check(root, "org/m", EXPECTED).revision());
    }

    @Test
    void withoutRefsTheNewestSnapshotIsJudged() {
        hub.model("org/m")
                .file(OLD_REV, "model.safetensors", "w", 1000)
                .times(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
                .file(MAIN_REV, "config.json", "c", 10);
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", EXPECTED);
        assertEquals(MAIN_REV, s.revision());
        assertEquals(Cached.PARTIAL, s.cached());
        assertEquals(List.of("the snapshot has no weight files", "the snapshot holds 10 bytes, less than half of"
                + " the 1000 expected"), s.problems());
    }

    @Test
    void missingShardsMakeItPartialWithTheRestToDownload() {
        String index = "{\"weight_map\": {\"a\": \"m-1.safetensors\", \"b\": \"m-2.safetensors\"}}";
        hub.model("org/m")
                .blobText("idx", index)
                .link(MAIN_REV, "model.safetensors.index.json", "idx")
                .file(MAIN_REV, "m-1.safetensors", "s1", 600)
                .ref("main", MAIN_REV);
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", EXPECTED);
        assertEquals(Cached.PARTIAL, s.cached());
        assertEquals(600 + index.length(), s.bytesOnDisk(), "the shard and the index");
        assertEquals(EXPECTED - s.bytesOnDisk(), s.bytesToDownload());
        assertEquals(List.of("1 of 2 shards listed in model.safetensors.index.json are missing: m-2.safetensors"),
                s.problems());
    }

    @Test
    void aCompleteSnapshotFarSmallerThanExpectedIsNotTheWholeCheckpoint() {
        hub.model("org/m").file(MAIN_REV, "adapter_model.safetensors", "w", 100).ref("main", MAIN_REV);
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", EXPECTED);
        assertEquals(Cached.PARTIAL, s.cached());
        assertEquals(900, s.bytesToDownload());
    }

    @Test
    void anUnknownExpectedSizeSkipsTheSizeCheck() {
        hub.model("org/m").file(MAIN_REV, "model.safetensors", "w", 100);
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", 0);
        assertEquals(Cached.YES, s.cached());
        assertEquals(0, s.bytesToDownload());
    }

    @Test
    void onlyAPartialDownloadIsPartial() {
        hub.model("org/m").blob("w.incomplete", 300);
        CheckpointStatus s = CheckpointStatus.check(root, "org/m", EXPECTED);
        assertEquals(Cached.PARTIAL, s.cached());
        assertEquals(EXPECTED, s.bytesToDownload());
        assertNull(s.revision());
    }
}
