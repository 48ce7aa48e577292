package aimengine.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free disk space where the cache is, or would be once the first download creates it. */
public final class FreeSpace {
    private FreeSpace() {
    }

    /**
     * Bytes this user may still write on the file system holding the path, or its nearest existing parent;
     * -1 when unknown.
     */
    public static long of(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return -1;
        }
        try {
            return Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
