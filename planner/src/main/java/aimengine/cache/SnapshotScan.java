package aimengine.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one snapshots/COMMIT folder: which files it has, which are readable, the bytes they hold (each blob once),
 * and whether the shards a *.index.json lists are all there. huggingface_hub links a file into the snapshot only
 * after its blob is complete, so a missing shard shows only as a name the index lists and the snapshot lacks.
 */
final class SnapshotScan {
    private static final List<String> WEIGHT_SUFFIXES = List.of(".safetensors", ".bin", ".pt", ".pth", ".gguf");
    private static final List<String> INDEX_SUFFIXES = List.of(".safetensors.index.json", ".bin.index.json");
    /** Shard indexes are a few hundred KiB at most; anything far larger is not one and is not read. */
    private static final long MAX_INDEX_BYTES = 64L << 20;
    private static final int NAMES_SHOWN = 3;

    private final Path modelFolder;
    private final Path snapshot;
    private final Set<Path> files = new HashSet<>();
    private final Set<String> present = new HashSet<>();
    private final Map<String, Path> indexes = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int entries;
    private int weightFiles;
    private long bytes;
    private Instant lastModified;

    private SnapshotScan(Path modelFolder, Path snapshot) {
        this.modelFolder = modelFolder;
        this.snapshot = snapshot;
    }

    /** @param modelFolder the model folder's real path, which no link may leave */
    static SnapshotScan of(Path modelFolder, Path snapshot) {
        SnapshotScan scan = new SnapshotScan(modelFolder, snapshot);
        scan.walk();
        scan.indexes.forEach(scan::checkShards);
        return scan;
    }

    CachedRevision toRevision(String commit, List<String> refs) {
        return new CachedRevision(commit, refs, entries, weightFiles, bytes, lastModified, problems);
    }

    /** The real paths of the readable files, to count files shared between snapshots once. */
    Set<Path> files() {
        return files;
    }

    private void walk() {
        try {
            Files.walkFileTree(snapshot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    entries++;
                    lastModified = ModelFolderScanner.later(lastModified, attrs.lastModifiedTime());
                    String name = ModelFolderScanner.slashes(snapshot.relativize(file));
                    if (attrs.isSymbolicLink()) {
                        link(name, file);
                    } else if (attrs.isRegularFile()) {
                        readable(name, file, attrs.size());
                    } else {
                        problems.add(name + " is not a regular file (a pipe or device); it cannot be read");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add("cannot read " + ModelFolderScanner.slashes(snapshot.relativize(file)) + ": "
                            + IoProblems.describe(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add("cannot read the snapshot: " + IoProblems.describe(e));
        }
    }

    private void link(String name, Path link) {
        Path target;
        try {
            target = Files.readSymbolicLink(link);
        } catch (IOException e) {
            problems.add("cannot read the link " + name + ": " + IoProblems.describe(e));
            return;
        }
        // checked by name first so that a link out of the model is never even resolved
        if (!link.getParent().resolve(target).normalize().startsWith(modelFolder)) {
            problems.add(name + " points outside the model folder (to " + target + "); not followed");
            return;
        }
        Path real;
        BasicFileAttributes attrs;
        try {
            real = link.toRealPath();
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            problems.add(name + ": its blob is missing (broken link to " + target + ")");
            return;
        } catch (IOException e) {
            problems.add("cannot follow the link " + name + ": " + IoProblems.describe(e));
            return;
        }
        if (!real.startsWith(modelFolder)) {
            problems.add(name + " leads outside the model folder (to " + real + "); not followed");
        } else if (!attrs.isRegularFile()) {
            problems.add(name + " leads to " + ModelFolderScanner.slashes(modelFolder.relativize(real))
                    + ", which is not a regular file");
        } else {
            readable(name, real, attrs.size());
        }
    }

    private void readable(String name, Path real, long size) {
        if (files.add(real)) {
            bytes += size;
        }
        present.add(name);
        if (WEIGHT_SUFFIXES.stream().anyMatch(name::endsWith)) {
            weightFiles++;
        }
        if (INDEX_SUFFIXES.stream().anyMatch(name::endsWith)) {
            indexes.put(name, real);
        }
    }

    private void checkShards(String indexName, Path index) {
        JsonNode weightMap;
        try {
            weightMap = readIndex(index).path("weight_map");
        } catch (IOException e) {
            problems.add("cannot read the shard index " + indexName + ": " + IoProblems.describe(e));
            return;
        }
        if (!weightMap.isObject()) {
            problems.add("the shard index " + indexName + " has no weight_map");
            return;
        }
        String dir = indexName.contains("/") ? indexName.substring(0, indexName.lastIndexOf('/') + 1) : "";
        Set<String> shards = new TreeSet<>();
        weightMap.forEach(shard -> shards.add(dir + shard.asText()));
        List<String> missing = shards.stream().filter(s -> !present.contains(s)).toList();
        if (!missing.isEmpty()) {
            String shown = String.join(", ", missing.subList(0, Math.min(NAMES_SHOWN, missing.size())))
                    + (missing.size() > NAMES_SHOWN ? ", ..." : "");
            problems.add(missing.size() + " of " + shards.size() + " shards listed in " + indexName
                    + " are missing: " + shown);
        }
    }

    /**
     * Reads the index and puts its access time back: listing the cache must not make a model look recently used
     * to a later clean --older-than.
     */
    private static JsonNode readIndex(Path index) throws IOException {
        BasicFileAttributes before = Files.readAttributes(index, BasicFileAttributes.class);
        if (before.size() > MAX_INDEX_BYTES) {
            throw new IOException("larger than " + (MAX_INDEX_BYTES >> 20) + " MiB, so not a shard index");
        }
        byte[] content = Files.readAllBytes(index);
        try {
            Files.getFileAttributeView(index, BasicFileAttributeView.class)
                    .setTimes(null, before.lastAccessTime(), null);
        } catch (IOException e) {
            // a read-only cache keeps the new access time; that only makes a clean keep the model longer
        }
        return new ObjectMapper().readTree(content);
    }
}
