package aimengine.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock (fcntl on Linux) held through an open channel; the OS drops it when the process dies, so a crashed
 * run or clean never leaves a stale lock behind. The lock file itself stays: deleting it would race with the next
 * locker. Within one JVM a second lock on the same file reads as held (Java throws instead of asking the OS).
 */
final class LockFile implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when someone holds a lock that conflicts with it. */
    static Optional<LockFile> tryLock(Path file, boolean shared) throws IOException {
        Files.createDirectories(file.getParent());
        // a shared lock needs only reading, so a run can lock a file another user of a shared cache created
        FileChannel channel = shared && Files.exists(file)
                ? FileChannel.open(file, StandardOpenOption.READ)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock != null) {
                return Optional.of(new LockFile(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: the same answer as a lock held by another process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    /** Whether someone holds a lock on the file; a missing file is not locked, and is not created. */
    static boolean isHeld(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
