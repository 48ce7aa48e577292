package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLockTest {
    @TempDir
    Path tmp;

    @Test
    void aHeldLockIsReleasedOnClose() {
        CacheRoot root = new CacheRoot(tmp, "test");
        Path folder = root.modelFolder("org/m");
        try (ModelLock lock = ModelLock.acquire(root, "org/m")) {
            assertTrue(lock.held());
            assertTrue(ModelLock.inUse(root, folder));
        }
        assertFalse(ModelLock.inUse(root, folder));
        assertTrue(Files.exists(tmp.resolve(ModelLock.LOCKS).resolve("models--org--m.lock")),
                "the lock file stays for the next locker");
    }

    @Test
    void aCacheWhereNoLockCanBeWrittenGivesALockNotHeldWithTheReason() throws IOException {
        Files.writeString(tmp.resolve(".aim-engine"), "a file where the lock folder should be");
        try (ModelLock lock = ModelLock.acquire(new CacheRoot(tmp, "test"), "org/m")) {
            assertFalse(lock.held());
            assertTrue(lock.notHeldReason().startsWith("cannot write the lock file "), lock.notHeldReason());
        }
    }

    @Test
    void aModelNobodyLockedIsNotInUseAndCheckingCreatesNoFile() {
        CacheRoot root = new CacheRoot(tmp, "test");
        assertFalse(ModelLock.inUse(root, root.modelFolder("org/m")));
        assertFalse(Files.exists(tmp.resolve(".aim-engine")));
    }
}
