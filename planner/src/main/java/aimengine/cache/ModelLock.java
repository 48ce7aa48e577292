package aimengine.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Marks a model as in use while an engine serves it, so that {@code cache clean} leaves it alone. A run holds a
 * shared lock (several runs may serve one model); a clean takes the exclusive lock before it deletes the model. The
 * lock lives in the cache root (.aim-engine/locks/models--ORG--NAME.lock) rather than in the model folder, which the
 * clean deletes.
 */
public final class ModelLock implements AutoCloseable {
    static final String LOCKS = ".aim-engine/locks";

    private final LockFile lock;
    private final String notHeldReason;

    private ModelLock(LockFile lock, String notHeldReason) {
        this.lock = lock;
        this.notHeldReason = notHeldReason;
    }

    /**
     * Takes the shared lock of a model for as long as the engine runs; close it when the engine stops.
     * When the lock file cannot be written (a read-only cache), returns a lock that is not {@link #held()}: a clean
     * cannot delete from such a cache either, so the run may go on.
     *
     * @throws CacheBusyException when a clean is deleting the model right now
     */
    public static ModelLock acquire(CacheRoot root, String modelId) {
        Path file = lockFile(root, root.modelFolder(modelId));
        Optional<LockFile> lock;
        try {
            lock = LockFile.tryLock(file, true);
        } catch (IOException e) {
            return new ModelLock(null, "cannot write the lock file " + file + ": " + IoProblems.describe(e));
        }
        return lock.map(l -> new ModelLock(l, null)).orElseThrow(() -> new CacheBusyException(
                "aim-engine cache clean is deleting " + modelId + " from " + root.path() + "; try again when it ends"));
    }

    /** The exclusive lock a clean needs to delete the model; empty while a run holds it. */
    static Optional<LockFile> tryExclusive(CacheRoot root, Path modelFolder) {
        Path file = lockFile(root, modelFolder);
        try {
            return LockFile.tryLock(file, false);
        } catch (IOException e) {
            throw IoProblems.unchecked("cannot write the lock file " + file, e);
        }
    }

    /** Whether a run holds the model's lock; writes nothing, so that a dry run leaves the cache as it was. */
    static boolean inUse(CacheRoot root, Path modelFolder) {
        Path file = lockFile(root, modelFolder);
        try {
            return LockFile.isHeld(file);
        } catch (IOException e) {
            throw IoProblems.unchecked("cannot check the lock file " + file, e);
        }
    }

    private static Path lockFile(CacheRoot root, Path modelFolder) {
        return root.path().resolve(LOCKS).resolve(modelFolder.getFileName() + ".lock");
    }

    public boolean held() {
        return lock != null;
    }

    /** Why the lock is not held, for a warning; null when it is. */
    public String notHeldReason() {
        return notHeldReason;
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
