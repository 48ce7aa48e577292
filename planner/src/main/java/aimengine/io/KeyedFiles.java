package aimengine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder of cache entries, one file per key ({@code <dir>/<key><suffix>}). Writes are atomic (temporary file, then
 * rename), so a concurrent run sees either no entry or a whole one; an entry that cannot be read counts as absent and
 * one that cannot be written only costs the next run its speed.
 */
public final class KeyedFiles {
    private final Path dir;
    private final String suffix;

    /** @param dir the folder of the entries (created when first written) */
    public KeyedFiles(Path dir, String suffix) {
        this.dir = dir;
        this.suffix = suffix;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String key) {
        return dir.resolve(key + suffix);
    }

    /** The entry's bytes, or empty when there is none (or it cannot be read). */
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores the entry; false when the folder cannot be written. */
    public boolean write(String key, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            AtomicFile.write(file(key), bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
