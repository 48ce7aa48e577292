package aimengine.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one models--ORG--NAME folder of the hub layout: blobs/ (the files, named by hash; *.incomplete while
 * downloading), snapshots/COMMIT/ (relative links ../../blobs/HASH named like the repository files) and refs/
 * (branch names holding a commit). Never opens anything but refs and shard indexes, never follows a link out of
 * the model folder, and never changes anything it read.
 */
final class ModelFolderScanner {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    CachedModel scan(String id, Path folder) {
        if (Files.isSymbolicLink(folder)) {
            return new CachedModel(id, folder, List.of(), 0, 0, null, null,
                    List.of("the model folder is a symbolic link; not followed"));
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            return new CachedModel(id, folder, List.of(), 0, 0, null, null,
                    List.of("cannot read the model folder: " + IoProblems.describe(e)));
        }
        List<String> problems = new ArrayList<>();
        FolderTotals totals = FolderTotals.of(real, problems);
        Map<String, List<String>> refs = refs(real, problems);
        List<CachedRevision> revisions = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        for (Path snapshot : snapshots(real, problems)) {
            String commit = snapshot.getFileName().toString();
            SnapshotScan scan = SnapshotScan.of(real, snapshot);
            CachedRevision revision = scan.toRevision(commit, refs.getOrDefault(commit, List.of()));
            revisions.add(revision);
            files.addAll(scan.files());
            revision.problems().forEach(p -> problems.add("snapshot " + commit + ": " + p));
        }
        refs.forEach((commit, names) -> {
            if (revisions.stream().noneMatch(r -> r.commit().equals(commit))) {
                problems.add("ref " + String.join(", ", names) + " points to commit " + commit
                        + ", which has no snapshot");
            }
        });
        if (revisions.isEmpty()) {
            problems.add("no snapshot: nothing was downloaded completely");
        }
        if (totals.partialDownloads() > 0) {
            problems.add(totals.partialDownloads() + " partial download(s) in blobs/ (*.incomplete)");
        }
        return new CachedModel(id, folder, revisions, files.size(), totals.bytes(), totals.lastModified(),
                totals.lastAccessed(), problems);
    }

    /** Commit -> the refs naming it; refs may be nested (refs/pr/1). */
    private static Map<String, List<String>> refs(Path folder, List<String> problems) {
        Path refsDir = folder.resolve("refs");
        Map<String, List<String>> byCommit = new TreeMap<>();
        if (!Files.isDirectory(refsDir, NO_FOLLOW)) {
            return byCommit;
        }
        try {
            Files.walkFileTree(refsDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = slashes(refsDir.relativize(file));
                    if (!attrs.isRegularFile()) {
                        problems.add("refs/" + name + " is not a regular file");
                        return FileVisitResult.CONTINUE;
                    }
                    String commit = Files.readString(file).trim();
                    byCommit.computeIfAbsent(commit, c -> new ArrayList<>()).add(name);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add("cannot read " + where(folder, file) + ": " + IoProblems.describe(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add("cannot read refs/: " + IoProblems.describe(e));
        }
        byCommit.values().forEach(names -> names.sort(String::compareTo));
        return byCommit;
    }

    private static List<Path> snapshots(Path folder, List<String> problems) {
        Path dir = folder.resolve("snapshots");
        List<Path> snapshots = new ArrayList<>();
        if (!Files.isDirectory(dir, NO_FOLLOW)) {
            return snapshots;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, NO_FOLLOW)) {
                    snapshots.add(entry);
                } else {
                    problems.add("snapshots/" + entry.getFileName() + " is not a folder; not followed");
                }
            }
        } catch (IOException e) {
            problems.add("cannot read snapshots/: " + IoProblems.describe(e));
        }
        snapshots.sort(Path::compareTo);
        return snapshots;
    }

    static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** A path inside the model folder as the user sees it in the hub layout. */
    static String where(Path folder, Path file) {
        String relative = slashes(folder.relativize(file));
        return relative.isEmpty() ? "the model folder" : relative;
    }

    static Instant later(Instant a, FileTime b) {
        Instant t = b.toInstant();
        return a == null || t.isAfter(a) ? t : a;
    }

    /** Sizes and times over the whole model folder, each regular file once (hard links included). */
    private record FolderTotals(long bytes, Instant lastModified, Instant lastAccessed, int partialDownloads) {

        static FolderTotals of(Path folder, List<String> problems) {
            Path refsDir = folder.resolve("refs");
            Path blobsDir = folder.resolve("blobs");
            Path snapshotsDir = folder.resolve("snapshots");
            Set<Object> seen = new HashSet<>();
            long[] bytes = {0};
            int[] partial = {0};
            Instant[] modified = {null};
            Instant[] accessed = {null};
            try {
                Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        modified[0] = later(modified[0], attrs.lastModifiedTime());
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        modified[0] = later(modified[0], attrs.lastModifiedTime());
                        if (attrs.isRegularFile()) {
                            Object key = attrs.fileKey() != null ? attrs.fileKey() : file;
                            if (seen.add(key)) {
                                bytes[0] += attrs.size();
                            }
                            // refs are read by every scan, so their access time says nothing about use
                            if (!file.startsWith(refsDir)) {
                                accessed[0] = later(accessed[0], attrs.lastAccessTime());
                            }
                            if (file.startsWith(blobsDir) && file.getFileName().toString().endsWith(".incomplete")) {
                                partial[0]++;
                            }
                        } else if (attrs.isOther() && !file.startsWith(snapshotsDir)) {
                            // snapshot entries are reported with their revision
                            problems.add(slashes(folder.relativize(file))
                                    + " is not a regular file (a pipe or device); it cannot be read");
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add("cannot read " + where(folder, file) + ": " + IoProblems.describe(e));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.add("cannot read the model folder: " + IoProblems.describe(e));
            }
            return new FolderTotals(bytes[0], modified[0], accessed[0], partial[0]);
        }
    }
}
