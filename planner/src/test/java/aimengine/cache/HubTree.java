package aimengine.cache;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
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
 * Builds hub cache trees as huggingface_hub writes them: blobs/HASH with content, snapshots/COMMIT/NAME as
 * relative links ../../blobs/HASH, refs/BRANCH holding a commit. The cli tests use it through the planner's test-jar.
 */
public final class HubTree {
    final Path root;

    public HubTree(Path root) {
        this.root = root;
    }

    public Model model(String id) {
        return new Model(root.resolve("models--" + id.replace("/", "--")));
    }

    public static final class Model {
        public final Path folder;

        Model(Path folder) {
            this.folder = folder;
        }

        /** A blob of the given size (bytes of 'x'). */
        public Model blob(String hash, int size) {
            return write(folder.resolve("blobs").resolve(hash), "x".repeat(size));
        }

        public Model blobText(String hash, String content) {
            return write(folder.resolve("blobs").resolve(hash), content);
        }

        /** snapshots/COMMIT/NAME -> ../../blobs/HASH (one more ../ per folder in NAME). */
        public Model link(String commit, String name, String hash) {
            Path link = folder.resolve("snapshots").resolve(commit).resolve(name);
            String up = "../".repeat(name.split("/").length + 1);
            return linkTo(link, Path.of(up + "blobs/" + hash));
        }

        public Model linkTo(Path link, Path target) {
            try {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** A sparse blob of the given size: passes for a checkpoint's weights without the disk space. */
        public Model sparseBlob(String hash, long size) {
            Path blob = folder.resolve("blobs").resolve(hash);
            try (RandomAccessFile f = new RandomAccessFile(
                    Files.createDirectories(blob.getParent()).resolve(hash).toFile(), "rw")) {
                f.setLength(size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** A blob and its link in one go. */
        public Model file(String commit, String name, String hash, int size) {
            return blob(hash, size).link(commit, name, hash);
        }

        public Model ref(String name, String commit) {
            return write(folder.resolve("refs").resolve(name), commit);
        }

        public Model write(Path file, String content) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Sets modification and access times of everything in the folder, links themselves included, pipes not. */
        public Model times(Instant modified, Instant accessed) {
            setTimes(folder, modified, accessed);
            return this;
        }
    }

    static void setTimes(Path top, Instant modified, Instant accessed) {
        FileTime m = FileTime.from(modified);
        FileTime a = FileTime.from(accessed);
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    // setting times opens the file, which blocks on a pipe
                    if (!attrs.isOther()) {
                        set(file);
                    }
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("mkfifo failed for " + path);
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
