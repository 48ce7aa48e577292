package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheScannerTest {
    private static final Instant MODIFIED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant ACCESSED = Instant.parse("2025-03-05T12:30:00Z");
    private static final String REV1 = "1111111111111111111111111111111111111111";
    private static final String REV2 = "2222222222222222222222222222222222222222";

    @TempDir
    Path tmp;
    Path rootDir;
    HubTree hub;
    CacheScanner scanner;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(tmp.resolve("hub"));
        hub = new HubTree(rootDir);
        scanner = new CacheScanner(new CacheRoot(rootDir, "test"));
    }

    private CachedModel only() {
        List<CachedModel> models = scanner.scan();
        assertEquals(1, models.size());
        return models.get(0);
    }

    @Test
    void aBlobSharedByTwoRevisionsIsCountedOnce() {
        hub.model("org/m")
                .file(REV1, "config.json", "c1", 100)
                .file(REV1, "model.safetensors", "w1", 5000)
                .link(REV2, "config.json", "c1")
                .file(REV2, "model.safetensors", "w2", 7000)
                .ref("main", REV2)
                .times(MODIFIED, ACCESSED);

        CachedModel m = only();
        assertEquals("org/m", m.id());
        assertEquals(100 + 5000 + 7000 + REV2.length(), m.bytesOnDisk(), "each blob once, plus the ref");
        assertEquals(3, m.files());
        assertTrue(m.complete(), m.problems().toString());
        assertEquals(2, m.revisions().size());
        CachedRevision r1 = m.revisions().get(0);
        CachedRevision r2 = m.revisions().get(1);
        assertEquals(REV1, r1.commit());
        assertEquals(List.of(), r1.refs());
        assertEquals(5100, r1.bytes());
        assertEquals(2, r1.files());
        assertEquals(1, r1.weightFiles());
        assertEquals(List.of("main"), r2.refs());
        assertEquals(7100, r2.bytes());
        assertEquals(MODIFIED, m.lastModified());
        assertEquals(ACCESSED, m.lastAccessed());
        assertEquals(ACCESSED, m.lastUsed());
    }

    @Test
    void modelsAreListedByIdAndOtherRepoTypesAreLeftOut() throws IOException {
        hub.model("zeta/z").file(REV1, "config.json", "c", 1);
        hub.model("alpha/a").file(REV1, "config.json", "c", 1);
        hub.model("gpt2").file(REV1, "config.json", "c", 1);
        Files.createDirectories(rootDir.resolve("datasets--org--data/snapshots"));
        assertEquals(List.of("alpha/a", "gpt2", "zeta/z"), scanner.scan().stream().map(CachedModel::id).toList());
    }

    @Test
    void aMissingRootIsAnEmptyCache() {
        assertEquals(List.of(), new CacheScanner(new CacheRoot(tmp.resolve("none"), "test")).scan());
        assertTrue(scanner.scan("org/none").isEmpty());
    }

    @Test
    void aBrokenLinkMakesTheModelIncompleteAndCountsNothing() {
        hub.model("org/m")
                .file(REV1, "config.json", "c", 10)
                .link(REV1, "model.safetensors", "gone");
        CachedModel m = only();
        assertFalse(m.complete());
        assertEquals(10, m.bytesOnDisk());
        assertEquals(List.of("snapshot " + REV1 + ": model.safetensors: its blob is missing (broken link to "
                + "../../blobs/gone)"), m.problems());
        assertEquals(2, m.revisions().get(0).files());
        assertEquals(0, m.revisions().get(0).weightFiles());
    }

    @Test
    void partialDownloadsCountOnDiskAndMakeTheModelIncomplete() {
        hub.model("org/m")
                .file(REV1, "config.json", "c", 10)
                .blob("w.incomplete", 300);
        CachedModel m = only();
        assertEquals(310, m.bytesOnDisk());
        assertEquals(List.of("1 partial download(s) in blobs/ (*.incomplete)"), m.problems());
        assertTrue(m.revisions().get(0).complete(), "the snapshot itself has all it links");
    }

    @Test
    void aLinkOutOfTheRootIsNeitherFollowedNorCounted() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.bin"), "y".repeat(9999));
        HubTree.Model model = hub.model("org/m").file(REV1, "config.json", "c", 10);
        model.linkTo(model.folder.resolve("snapshots").resolve(REV1).resolve("model.safetensors"), outside);
        CachedModel m = only();
        assertEquals(10, m.bytesOnDisk());
        assertEquals(1, m.files());
        assertEquals(List.of("snapshot " + REV1 + ": model.safetensors points outside the model folder (to "
                + outside + "); not followed"), m.problems());
    }

    @Test
    void aBlobsFolderLinkedOutOfTheRootIsCaughtThoughTheLinksLookInside() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("w"), "z".repeat(500));
        HubTree.Model model = hub.model("org/m");
        model.linkTo(model.folder.resolve("blobs"), elsewhere).link(REV1, "model.safetensors", "w");
        CachedModel m = only();
        assertEquals(0, m.bytesOnDisk());
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().get(0).contains("model.safetensors leads outside the model folder"),
                m.problems().toString());
    }

    @Test
    void shardsAnIndexListsButTheSnapshotLacksAreMissing() {
        String index = """
                {"metadata": {"total_size": 300},
                 "weight_map": {"a": "model-00001-of-00003.safetensors", "b": "model-00002-of-00003.safetensors",
                                "c": "model-00003-of-00003.safetensors", "d": "model-00001-of-00003.safetensors"}}
                """;
        hub.model("org/m")
                .blobText("idx", index).link(REV1, "model.safetensors.index.json", "idx")
                .file(REV1, "model-00001-of-00003.safetensors", "s1", 100);
        CachedModel m = only();
        assertEquals(List.of("snapshot " + REV1 + ": 2 of 3 shards listed in model.safetensors.index.json are "
                + "missing: model-00002-of-00003.safetensors, model-00003-of-00003.safetensors"), m.problems());
    }

    @Test
    void shardsInASubfolderAreLookedUpThere() {
        hub.model("org/m")
                .blobText("idx", "{\"weight_map\": {\"a\": \"s.safetensors\"}}")
                .link(REV1, "sub/model.safetensors.index.json", "idx")
                .file(REV1, "sub/s.safetensors", "s", 10);
        CachedModel m = only();
        assertTrue(m.complete(), m.problems().toString());
        assertEquals(1, m.revisions().get(0).weightFiles());
    }

    @Test
    void readingAShardIndexLeavesItsAccessTimeAsItWas() throws IOException {
        hub.model("org/m")
                .blobText("idx", "{\"weight_map\": {\"a\": \"s.safetensors\"}}")
                .link(REV1, "model.safetensors.index.json", "idx")
                .file(REV1, "s.safetensors", "s", 10)
                .times(MODIFIED, ACCESSED);
        scanner.scan();
        Path blob = rootDir.resolve("models--org--m/blobs/idx");
        assertEquals(ACCESSED, Files.readAttributes(blob, BasicFileAttributes.class).lastAccessTime().toInstant());
        assertEquals(ACCESSED, only().lastAccessed());
    }

    @Test
    void anIndexThatIsNotJsonIsAProblemNotACrash() {
        hub.model("org/m").blobText("idx", "{not json").link(REV1, "model.safetensors.index.json", "idx");
        assertTrue(only().problems().get(0).startsWith("snapshot " + REV1
                + ": cannot read the shard index model.safetensors.index.json: "), only().problems().toString());
    }

    @Test
    void aPipeWhereABlobShouldBeIsReportedAndNeverOpened() throws Exception {
        HubTree.Model model = hub.model("org/m").file(REV1, "config.json", "c", 10);
        HubTree.mkfifo(model.folder.resolve("blobs/idx"));
        model.link(REV1, "model.safetensors.index.json", "idx");
        CachedModel m = assertTimeoutPreemptively(Duration.ofSeconds(10), this::only);
        assertEquals(List.of(
                "blobs/idx is not a regular file (a pipe or device); it cannot be read",
                "snapshot " + REV1 + ": model.safetensors.index.json leads to blobs/idx, which is not a regular file"),
                m.problems());
        assertEquals(10, m.bytesOnDisk());
    }

    @Test
    void aFolderWhereAFileShouldBeIsReported() throws IOException {
        HubTree.Model model = hub.model("org/m").file(REV1, "config.json", "c", 10);
        Files.createDirectories(model.folder.resolve("blobs/w"));
        model.link(REV1, "model.safetensors", "w");
        assertEquals(List.of("snapshot " + REV1 + ": model.safetensors leads to blobs/w, which is not a regular file"),
                only().problems());
    }

    @Test
    void anUnreadableFolderIsReportedAndTheRestStillScanned() throws IOException {
        assumeFalse(HubTree.runningAsRoot(), "permissions do not stop root; the pipe and folder tests cover"
                + " unreadable entries");
        HubTree.Model model = hub.model("org/m").file(REV1, "config.json", "c", 10);
        Path snapshot = model.folder.resolve("snapshots").resolve(REV1);
        Files.setPosixFilePermissions(snapshot, PosixFilePermissions.fromString("---------"));
        try {
            CachedModel m = only();
            assertTrue(m.problems().stream().anyMatch(p -> p.contains("permission denied")), m.problems().toString());
            assertEquals(10, m.bytesOnDisk());
        } finally {
            Files.setPosixFilePermissions(snapshot, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aRefToACommitWithoutSnapshotIsReported() {
        hub.model("org/m").file(REV1, "config.json", "c", 1).ref("main", REV2).ref("pr/1", REV1);
        CachedModel m = only();
        assertEquals(List.of("pr/1"), m.revisions().get(0).refs());
        assertEquals(List.of("ref main points to commit " + REV2 + ", which has no snapshot"), m.problems());
    }

    @Test
    void aModelWithoutSnapshotsIsIncomplete() {
        hub.model("org/m").blob("w.incomplete", 50).times(MODIFIED, ACCESSED);
        CachedModel m = only();
        assertEquals(List.of("no snapshot: nothing was downloaded completely",
                "1 partial download(s) in blobs/ (*.incomplete)"), m.problems());
        assertEquals(50, m.bytesOnDisk());
    }

    @Test
    void aModelFolderThatIsALinkIsNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/models--org--m"));
        new HubTree.Model(elsewhere).file(REV1, "config.json", "c", 10);
        Files.createSymbolicLink(rootDir.resolve("models--org--m"), elsewhere);
        CachedModel m = only();
        assertEquals(0, m.bytesOnDisk());
        assertEquals(List.of("the model folder is a symbolic link; not followed"), m.problems());
        assertNull(m.lastUsed());
    }
}
