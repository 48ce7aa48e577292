package aimengine.cli.command;

import aimengine.cache.CacheRoot;
import aimengine.io.InputException;
import java.nio.file.Files;

/** The check list and stats share: a cache that does not exist yet is empty, but a file is no cache. */
final class CacheFolder {
    private CacheFolder() {
    }

    static CacheRoot readable(CacheRoot root) {
        if (Files.exists(root.path()) && !Files.isDirectory(root.path())) {
            throw new InputException(root.path().toString(), 0, "the cache (from " + root.origin()
                    + ") is not a folder; pass --cache-dir with the hub cache folder");
        }
        return root;
    }
}
