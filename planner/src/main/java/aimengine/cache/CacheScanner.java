package aimengine.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists the models of a hub cache with their revisions, sizes, times and completeness. Reads only. */
public final class CacheScanner {
    private final CacheRoot root;
    private final ModelFolderScanner folders = new ModelFolderScanner();

    public CacheScanner(CacheRoot root) {
        this.root = root;
    }

    /** Every models--* folder, sorted by id; empty when the cache folder does not exist yet. */
    public List<CachedModel> scan() {
        List<CachedModel> models = new ArrayList<>();
        if (!Files.isDirectory(root.path())) {
            return models;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.path())) {
            for (Path entry : entries) {
                CacheRoot.modelId(entry.getFileName().toString())
                        .ifPresent(id -> models.add(folders.scan(id, entry)));
            }
        } catch (IOException e) {
            throw IoProblems.unchecked("cannot read the cache folder " + root.path(), e);
        }
        models.sort(Comparator.comparing(CachedModel::id));
        return models;
    }

    /** One model, or empty when the cache has no folder for it. */
    public Optional<CachedModel> scan(String modelId) {
        Path folder = root.modelFolder(modelId);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(folders.scan(modelId, folder));
    }
}
