package aimengine.data;

import aimengine.io.BuildIdentity;
import aimengine.io.ContentKey;
import aimengine.io.DataFolders;
import aimengine.io.KeyedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Data read from the folders given on the command line (--recipes, --models, --rules hardware), kept in its compact
 * form under {@code <cache>/data/<sha256>.bin}. The key covers every YAML file's path and bytes, what else the reading
 * depended on, and the aim-engine build; so an edited, added or removed file, or a new build, reads the YAML again.
 * Only data that loaded without a problem is kept, so every error is reported from the YAML as before. A damaged
 * entry is read again from the YAML and replaced (see {@link KeyedFiles} for the rest).
 */
public final class DataCache {
    /** Bump when what an entry holds changes. */
    private static final String FORMAT = "aim-engine data cache " + DataCodec.FORMAT;

    private final KeyedFiles files;
    private final String build;

    /**
     * @param dir   the folder of the entries (created when first written)
     * @param build the aim-engine build (see {@link BuildIdentity})
     */
    public DataCache(Path dir, String build) {
        this.files = new KeyedFiles(dir, ".bin");
        this.build = build;
    }

    /** The cache of this build under {@code cacheRoot/data}. */
    public static DataCache under(Path cacheRoot) {
        return new DataCache(cacheRoot.resolve("data"), BuildIdentity.current());
    }

    /**
     * The contents of the YAML files below the folders: from the cache when their key is there, else read now.
     *
     * @param kind    what the folders hold ("recipes", "models", "hardware"), part of the key
     * @param context what else the reading depends on (for recipes: the hardware they may name), part of the key
     * @param read    reads the YAML; its exceptions pass through and nothing is cached
     */
    public DataCodec.Contents get(String kind, List<Path> folders, String context, Supplier<DataCodec.Contents> read) {
        String key = key(kind, folders, context);
        if (key == null) {
            return read.get();
        }
        Optional<byte[]> entry = files.read(key);
        if (entry.isPresent()) {
            try {
                return DataCodec.decode(entry.get());
            } catch (IOException damaged) {
                // read again below, and replaced
            }
        }
        DataCodec.Contents contents = read.get();
        files.write(key, DataCodec.encode(contents));
        return contents;
    }

    /** Null when a folder cannot be listed or a file read: the YAML reader then reports it. */
    private String key(String kind, List<Path> folders, String context) {
        ContentKey key = new ContentKey().add(FORMAT).add(build).add(kind).add(context);
        try {
            for (Path folder : folders) {
                key.add(folder.toString());
                for (Path file : DataFolders.find(folder, ".yaml", ".yml")) {
                    key.add(file.toString()).add(Files.readAllBytes(file));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return key.hex();
    }
}
