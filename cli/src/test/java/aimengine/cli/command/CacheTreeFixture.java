package aimengine.cli.command;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * A hub cache tree for the CLI tests, written as huggingface_hub writes it: blobs/HASH, snapshots/COMMIT/NAME as a
 * relative link ../../blobs/HASH, refs/main. (The planner tests have a fuller builder for the edge cases.)
 */
final class CacheTreeFixture {
    private final Path root;

    CacheTreeFixture(Path root) {
        this.root = root;
    }

    Path folder(String id) {
        return root.resolve("models--" + id.replace("/", "--"));
    }

    /** A file of size bytes in the snapshot, its blob named hash. */
    CacheTreeFixture file(String id, String commit, String name, String hash, int size) throws IOException {
        Path blob = folder(id).resolve("blobs").resolve(hash);
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, "x".repeat(size));
        return link(id, commit, name, hash);
    }

    /** A file with this text in the snapshot (a config.json), its blob named hash. */
    CacheTreeFixture text(String id, String commit, String name, String hash, String text) throws IOException {
        Path blob = folder(id).resolve("blobs").resolve(hash);
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, text);
        return link(id, commit, name, hash);
    }

    CacheTreeFixture link(String id, String commit, String name, String hash) throws IOException {
        Path link = folder(id).resolve("snapshots").resolve(commit).resolve(name);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("../../blobs/" + hash));
        return this;
    }

    CacheTreeFixture ref(String id, String name, String commit) throws IOException {
        Path ref = folder(id).resolve("refs").resolve(name);
        Files.createDirectories(ref.getParent());
        Files.writeString(ref, commit);
        return this;
    }

    /** Sets the times of everything in the model folder, links included. */
    CacheTreeFixture times(String id, Instant modified, Instant accessed) throws IOException {
        FileTime m = FileTime.from(modified);
        FileTime a = FileTime.from(accessed);
        Files.walkFileTree(folder(id), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                set(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                set(dir);
                return FileVisitResult.CONTINUE;
            }

            private void set(Path p) throws IOException {
                Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(m, a, null);
            }
        });
        return this;
    }
}
