package aimengine.cache;

import aimengine.io.InputException;
import aimengine.yaml.Suggest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deletes models from a hub cache in two steps: {@link #plan} says what would go and deletes nothing;
 * {@link #execute} deletes it. A model goes whole or not at all: its folder is first renamed into
 * .aim-engine/trash in the root (one atomic step, after which the hub no longer sees the model), then deleted there;
 * what a failed deletion leaves in the trash, the next clean removes. Nothing outside the root is touched and no
 * link is followed. One clean at a time per cache (a lock file in the root); a model a run holds
 * ({@link ModelLock}) is skipped.
 */
public final class CacheCleaner {
    static final String CLEAN_LOCK = ".aim-engine/clean.lock";
    static final String TRASH = ".aim-engine/trash";
    static final String IN_USE = "in use by a running aim-engine run";

    private final CacheRoot root;
    private final Clock clock;
    private final CacheScanner scanner;

    public CacheCleaner(CacheRoot root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.scanner = new CacheScanner(root);
    }

    /**
     * What {@link #execute} would delete, and what it would skip and why.
     *
     * @throws InputException when the root is not a hub cache or the requested model is not in it
     */
    public CleanPlan plan(CleanRequest request) {
        Optional<String> notHub = root.whyNotHubCache();
        if (notHub.isPresent()) {
            throw new InputException(root.path().toString(), 0, notHub.get()
                    + "; nothing deleted (pass --cache-dir with the hub cache folder)");
        }
        Instant now = clock.instant();
        List<CachedModel> models = request.modelId() == null ? scanner.scan() : List.of(named(request.modelId()));
        List<CachedModel> delete = new ArrayList<>();
        List<SkippedModel> skipped = new ArrayList<>();
        for (CachedModel model : models) {
            if (!request.oldEnough(model, now)) {
                if (request.modelId() != null) {
                    skipped.add(new SkippedModel(model.id(), "used more recently than the age asked for (last used "
                            + model.lastUsed() + ")"));
                }
                continue;
            }
            Optional<String> keep = whyKeep(model);
            if (keep.isPresent()) {
                skipped.add(new SkippedModel(model.id(), keep.get()));
            } else {
                delete.add(model);
            }
        }
        return new CleanPlan(root.path(), now, request, delete, skipped);
    }

    private CachedModel named(String modelId) {
        return scanner.scan(modelId).orElseThrow(() -> {
            String hint = Suggest.closest(modelId, scanner.scan().stream().map(CachedModel::id).toList())
                    .map(id -> "did you mean " + id + "? ").orElse("");
            return new InputException("--model", 0, "no model " + modelId + " in the cache at " + root.path()
                    + "; " + hint + "(see aim-engine cache list)");
        });
    }

    private Optional<String> whyKeep(CachedModel model) {
        if (Files.isSymbolicLink(model.folder())) {
            return Optional.of("its folder is a symbolic link; not followed (remove the link by hand)");
        }
        return ModelLock.inUse(root, model.folder()) ? Optional.of(IN_USE) : Optional.empty();
    }

    /**
     * Deletes the planned models, checking each again first: one a run took since the plan, or one read or
     * written since (too recent now), stays.
     *
     * @throws CacheBusyException when another clean is running on this cache
     */
    public CleanResult execute(CleanPlan plan) {
        Path lockFile = root.path().resolve(CLEAN_LOCK);
        LockFile lock;
        try {
            lock = LockFile.tryLock(lockFile, false).orElseThrow(() -> new CacheBusyException(
                    "another aim-engine cache clean is running on " + root.path() + "; nothing deleted"));
        } catch (IOException e) {
            throw IoProblems.unchecked("cannot write the lock file " + lockFile, e);
        }
        try (lock) {
            return clean(plan);
        } catch (IOException e) {
            throw IoProblems.unchecked("cannot clean " + root.path(), e);
        }
    }

    private CleanResult clean(CleanPlan plan) throws IOException {
        Path trash = trash();
        List<String> failures = new ArrayList<>();
        long leftovers = emptyTrash(trash, failures);
        List<DeletedModel> deleted = new ArrayList<>();
        List<SkippedModel> skipped = new ArrayList<>(plan.skipped());
        for (CachedModel planned : plan.delete()) {
            deleteOne(planned, plan, trash, deleted, skipped, failures);
        }
        return new CleanResult(deleted, skipped, leftovers, failures);
    }

    private void deleteOne(CachedModel planned, CleanPlan plan, Path trash, List<DeletedModel> deleted,
                           List<SkippedModel> skipped, List<String> failures) throws IOException {
        Optional<CachedModel> current = scanner.scan(planned.id());
        if (current.isEmpty()) {
            skipped.add(new SkippedModel(planned.id(), "already gone from the cache"));
            return;
        }
        if (!plan.request().oldEnough(current.get(), plan.now())) {
            skipped.add(new SkippedModel(planned.id(), "used since the plan was made"));
            return;
        }
        if (Files.isSymbolicLink(planned.folder())) {
            skipped.add(new SkippedModel(planned.id(), "its folder is a symbolic link; not followed"));
            return;
        }
        try (LockFile modelLock = ModelLock.tryExclusive(root, planned.folder()).orElse(null)) {
            if (modelLock == null) {
                skipped.add(new SkippedModel(planned.id(), IN_USE));
                return;
            }
            Path moved = trash.resolve(planned.folder().getFileName() + "." + UUID.randomUUID());
            try {
                Files.move(planned.folder(), moved, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                failures.add("cannot delete " + planned.id() + ": its folder cannot be renamed into " + trash
                        + " in one step (another file system?); nothing deleted");
                return;
            } catch (IOException e) {
                failures.add("cannot delete " + planned.id() + ": " + IoProblems.describe(e) + "; nothing deleted");
                return;
            }
            List<String> leftBehind = new ArrayList<>();
            long bytes = TreeDeleter.delete(moved, leftBehind);
            deleted.add(new DeletedModel(planned.id(), bytes));
            if (!leftBehind.isEmpty()) {
                failures.add(planned.id() + " is out of the cache, but " + leftBehind.size()
                        + " entries of it could not be deleted (first: " + leftBehind.get(0)
                        + "); the next clean tries again");
            }
        }
    }

    /** The trash folder, made sure to be a real folder inside the root so that nothing is moved out of it. */
    private Path trash() throws IOException {
        Path trash = root.path().resolve(TRASH);
        Files.createDirectories(trash);
        Path expected = root.path().toRealPath().resolve(TRASH);
        if (!trash.toRealPath().equals(expected)) {
            throw new UncheckedIOException(new IOException(trash + " is a link out of the cache folder; remove it"
                    + " (nothing deleted)"));
        }
        return expected;
    }

    private static long emptyTrash(Path trash, List<String> failures) throws IOException {
        long bytes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(trash)) {
            for (Path entry : entries) {
                bytes += TreeDeleter.delete(entry, failures);
            }
        }
        return bytes;
    }
}
