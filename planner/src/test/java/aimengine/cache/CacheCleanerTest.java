package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.io.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CacheCleanerTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(60));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(2));
    private static final String REV = "1111111111111111111111111111111111111111";
    private static final CleanRequest OLDER_THAN_30D = new CleanRequest(Duration.ofDays(30), null);

    @TempDir
    Path tmp;
    Path rootDir;
    HubTree hub;
    CacheRoot root;
    CacheCleaner cleaner;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(tmp.resolve("hub"));
        hub = new HubTree(rootDir);
        root = new CacheRoot(rootDir, "test");
        cleaner = new CacheCleaner(root, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HubTree.Model model(String id, int bytes, Instant used) {
        return hub.model(id).file(REV, "model.safetensors", "w", bytes).times(used, used);
    }

    private List<String> ids(List<CachedModel> models) {
        return models.stream().map(CachedModel::id).toList();
    }

    @Test
    void thePlanListsModelsUnusedForLongerThanTheAgeAndDeletesNothing() {
        model("org/old", 1000, OLD);
        model("org/recent", 2000, RECENT);
        HubTree.Model readLately = model("org/read-lately", 3000, OLD);
        HubTree.setTimes(readLately.folder.resolve("blobs/w"), OLD, RECENT);

        CleanPlan plan = cleaner.plan(OLDER_THAN_30D);

        assertEquals(List.of("org/old"), ids(plan.delete()));
        assertEquals(1000, plan.bytesToFree());
        assertEquals(List.of(), plan.skipped());
        assertEquals(NOW, plan.now());
        assertTrue(Files.exists(rootDir.resolve("models--org--old/blobs/w")));
        assertFalse(Files.exists(rootDir.resolve(".aim-engine")), "a dry run writes nothing into the cache");
    }

    @Test
    void executeDeletesEachPlannedModelWholeAndReportsTheBytes() {
        model("org/old", 1000, OLD).file("2222222222222222222222222222222222222222", "extra.bin", "e", 500)
                .times(OLD, OLD);
        model("org/recent", 2000, RECENT);

        CleanResult result = cleaner.execute(cleaner.plan(OLDER_THAN_30D));

        assertEquals(List.of(new DeletedModel("org/old", 1500)), result.deleted());
        assertEquals(1500, result.bytesFreed());
        assertEquals(List.of(), result.failures());
        assertFalse(Files.exists(rootDir.resolve("models--org--old")));
        assertEquals(List.of("org/recent"), ids(new CacheScanner(root).scan()));
        assertEquals(Collections.emptyList(), List.of(rootDir.resolve(CacheCleaner.TRASH).toFile().list()));
        assertEquals(Optional.empty(), root.whyNotHubCache(), "what the clean leaves is hub-compatible");
    }

    @Test
    void aNamedModelIsDeletedWhateverItsAge() {
        model("org/recent", 2000, RECENT);
        model("org/other", 100, OLD);
        CleanResult result = cleaner.execute(cleaner.plan(new CleanRequest(null, "org/recent")));
        assertEquals(List.of(new DeletedModel("org/recent", 2000)), result.deleted());
        assertTrue(Files.exists(rootDir.resolve("models--org--other")));
    }

    @Test
    void aNamedModelWithAnAgeIsKeptWhenRecentAndSaysWhy() {
        model("org/recent", 2000, RECENT);
        CleanPlan plan = cleaner.plan(new CleanRequest(Duration.ofDays(30), "org/recent"));
        assertEquals(List.of(), plan.delete());
        assertEquals(List.of(new SkippedModel("org/recent", "used more recently than the age asked for (last used "
                + RECENT + ")")), plan.skipped());
    }

    @Test
    void anUnknownModelIsBadInputWithASuggestion() {
        model("Qwen/Qwen3-0.6B", 10, OLD);
        InputException e = assertThrows(InputException.class,
                () -> cleaner.plan(new CleanRequest(null, "Qwen/Qwen3-0.5B")));
        assertTrue(e.getMessage().startsWith("--model: no model Qwen/Qwen3-0.5B in the cache at " + rootDir
                + "; did you mean Qwen/Qwen3-0.6B?"), e.getMessage());
    }

    @Test
    void aRootThatIsNotAHubCacheIsRefusedAndNothingIsDeleted() throws IOException {
        model("org/old", 1000, OLD);
        Files.writeString(rootDir.resolve("thesis.tex"), "years of work");
        InputException e = assertThrows(InputException.class, () -> cleaner.plan(OLDER_THAN_30D));
        assertTrue(e.getMessage().contains("is not a Hugging Face hub cache: it holds 'thesis.tex'"), e.getMessage());
        assertTrue(Files.exists(rootDir.resolve("models--org--old/blobs/w")));

        CacheCleaner missing = new CacheCleaner(new CacheRoot(tmp.resolve("none"), "t"), Clock.systemUTC());
        assertThrows(InputException.class, () -> missing.plan(OLDER_THAN_30D));
    }

    @Test
    void aLinkOutOfTheRootIsDeletedAsALinkAndItsTargetSurvives() throws IOException {
        Path outside = Files.writeString(tmp.resolve("precious.bin"), "keep me");
        Path outsideDir = Files.createDirectories(tmp.resolve("precious-dir"));
        Files.writeString(outsideDir.resolve("inside.txt"), "keep me too");
        HubTree.Model m = model("org/old", 1000, OLD);
        m.linkTo(m.folder.resolve("snapshots").resolve(REV).resolve("stolen.bin"), outside);
        m.linkTo(m.folder.resolve("snapshots").resolve(REV).resolve("stolen-dir"), outsideDir);
        HubTree.setTimes(m.folder, OLD, OLD);

        CleanResult result = cleaner.execute(cleaner.plan(OLDER_THAN_30D));

        assertEquals(List.of(new DeletedModel("org/old", 1000)), result.deleted(), "the outside bytes are not ours");
        assertFalse(Files.exists(m.folder));
        assertEquals("keep me", Files.readString(outside));
        assertEquals("keep me too", Files.readString(outsideDir.resolve("inside.txt")));
    }

    @Test
    void aModelFolderThatIsALinkIsSkippedAndItsTargetUntouched() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/models--org--linked"));
        new HubTree.Model(elsewhere).file(REV, "model.safetensors", "w", 10);
        Files.createSymbolicLink(rootDir.resolve("models--org--linked"), elsewhere);
        CleanResult result = cleaner.execute(cleaner.plan(new CleanRequest(null, "org/linked")));
        assertEquals(List.of(), result.deleted());
        assertTrue(result.skipped().get(0).reason().contains("symbolic link"), result.skipped().toString());
        assertTrue(Files.exists(elsewhere.resolve("blobs/w")));
    }

    @Test
    void aModelARunHoldsIsSkippedAndSaysSo() {
        model("org/served", 1000, OLD);
        model("org/idle", 500, OLD);
        try (ModelLock lock = ModelLock.acquire(root, "org/served")) {
            assertTrue(lock.held());
            CleanPlan plan = cleaner.plan(OLDER_THAN_30D);
            assertEquals(List.of("org/idle"), ids(plan.delete()));
            assertEquals(List.of(new SkippedModel("org/served", CacheCleaner.IN_USE)), plan.skipped());
            CleanResult result = cleaner.execute(plan);
            assertEquals(List.of(new DeletedModel("org/idle", 500)), result.deleted());
            assertEquals(plan.skipped(), result.skipped());
        }
        assertTrue(Files.exists(rootDir.resolve("models--org--served/blobs/w")));
        CleanResult afterRun = cleaner.execute(cleaner.plan(OLDER_THAN_30D));
        assertEquals(List.of(new DeletedModel("org/served", 1000)), afterRun.deleted(), "free again once the run ends");
    }

    @Test
    void aRunThatStartsAfterThePlanStillKeepsItsModel() {
        model("org/served", 1000, OLD);
        CleanPlan plan = cleaner.plan(OLDER_THAN_30D);
        assertEquals(List.of("org/served"), ids(plan.delete()));
        try (ModelLock lock = ModelLock.acquire(root, "org/served")) {
            CleanResult result = cleaner.execute(plan);
            assertEquals(List.of(), result.deleted());
            assertEquals(List.of(new SkippedModel("org/served", CacheCleaner.IN_USE)), result.skipped());
        }
        assertTrue(Files.exists(rootDir.resolve("models--org--served/blobs/w")));
    }

    @Test
    void aModelUsedAfterThePlanIsKept() {
        HubTree.Model m = model("org/m", 1000, OLD);
        CleanPlan plan = cleaner.plan(OLDER_THAN_30D);
        HubTree.setTimes(m.folder.resolve("blobs/w"), OLD, NOW.plusSeconds(5));
        CleanResult result = cleaner.execute(plan);
        assertEquals(List.of(new SkippedModel("org/m", "used since the plan was made")), result.skipped());
        assertTrue(Files.exists(m.folder));
    }

    @Test
    void aRunCannotTakeAModelWhileACleanHoldsIt() throws IOException {
        model("org/m", 10, OLD);
        try (LockFile cleaning = ModelLock.tryExclusive(root, root.modelFolder("org/m")).orElseThrow()) {
            CacheBusyException e = assertThrows(CacheBusyException.class, () -> ModelLock.acquire(root, "org/m"));
            assertTrue(e.getMessage().contains("is deleting org/m"), e.getMessage());
        }
        try (ModelLock lock = ModelLock.acquire(root, "org/m")) {
            assertTrue(lock.held());
        }
    }

    @Test
    @Timeout(60)
    void twoCleansAtOnceDeleteEachModelOnceAndNeitherCrashes() throws Exception {
        int models = 6;
        for (int i = 0; i < models; i++) {
            model("org/m" + i, 100 + i, OLD);
        }
        CleanPlan first = cleaner.plan(OLDER_THAN_30D);
        CleanPlan second = cleaner.plan(OLDER_THAN_30D);
        assertEquals(models, first.delete().size());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CleanResult>> runs = new ArrayList<>();
            for (CleanPlan plan : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return cleaner.execute(plan);
                }));
            }
            start.countDown();
            List<DeletedModel> deleted = new ArrayList<>();
            int busy = 0;
            for (Future<CleanResult> run : runs) {
                try {
                    CleanResult r = run.get(30, TimeUnit.SECONDS);
                    assertEquals(List.of(), r.failures());
                    deleted.addAll(r.deleted());
                } catch (ExecutionException e) {
                    assertTrue(e.getCause() instanceof CacheBusyException, e.toString());
                    busy++;
                }
            }
            assertEquals(models, deleted.size(), "each model deleted by exactly one clean");
            assertEquals(models, deleted.stream().map(DeletedModel::id).distinct().count());
            assertEquals(first.bytesToFree(), deleted.stream().mapToLong(DeletedModel::bytesFreed).sum());
            assertTrue(busy <= 1);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), new CacheScanner(root).scan());
    }

    @Test
    void aSecondCleanWhileOneRunsIsRefused() throws IOException {
        model("org/m", 10, OLD);
        CleanPlan plan = cleaner.plan(OLDER_THAN_30D);
        try (LockFile running = LockFile.tryLock(rootDir.resolve(CacheCleaner.CLEAN_LOCK), false).orElseThrow()) {
            CacheBusyException e = assertThrows(CacheBusyException.class, () -> cleaner.execute(plan));
            assertTrue(e.getMessage().startsWith("another aim-engine cache clean is running"), e.getMessage());
        }
        assertTrue(Files.exists(rootDir.resolve("models--org--m/blobs/w")));
    }

    @Test
    void whatAnEarlierCleanLeftInTheTrashIsRemovedAndCounted() throws IOException {
        Path leftover = rootDir.resolve(CacheCleaner.TRASH).resolve("models--org--gone.1234");
        new HubTree.Model(leftover).blob("w", 700);
        model("org/m", 10, OLD);
        CleanResult result = cleaner.execute(cleaner.plan(OLDER_THAN_30D));
        assertEquals(700, result.leftoverBytesFreed());
        assertEquals(710, result.bytesFreed());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aTrashFolderLinkedOutOfTheRootIsRefused() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path keep = Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createDirectories(rootDir.resolve(".aim-engine"));
        Files.createSymbolicLink(rootDir.resolve(CacheCleaner.TRASH), outside);
        model("org/m", 10, OLD);
        CleanPlan plan = cleaner.plan(OLDER_THAN_30D);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> cleaner.execute(plan));
        assertTrue(e.getCause().getMessage().contains("is a link out of the cache folder"), e.getCause().getMessage());
        assertTrue(Files.exists(keep));
        assertTrue(Files.exists(rootDir.resolve("models--org--m/blobs/w")));
    }

    @Test
    @Timeout(10)
    void aModelWithAPipeInsideIsStillDeletedWhole() throws Exception {
        HubTree.Model m = model("org/m", 10, OLD);
        HubTree.mkfifo(m.folder.resolve("blobs/pipe"));
        CleanResult result = cleaner.execute(cleaner.plan(new CleanRequest(null, "org/m")));
        assertEquals(List.of(new DeletedModel("org/m", 10)), result.deleted());
        assertFalse(Files.exists(m.folder));
    }
}
