package aimengine.cache;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Deletes a folder tree without following any link: a link is removed as a link, never the thing it points to, and
 * the walk never enters a linked folder.
 */
final class TreeDeleter {
    private TreeDeleter() {
    }

    /** Deletes what it can, adds a sentence to failures for what it cannot; returns the bytes of files deleted. */
    static long delete(Path top, List<String> failures) {
        long[] bytes = {0};
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (remove(file, failures)) {
                        bytes[0] += attrs.isRegularFile() ? attrs.size() : 0;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failures.add("cannot delete " + file + ": " + IoProblems.describe(e));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    try {
                        Files.delete(dir);
                    } catch (DirectoryNotEmptyException notEmpty) {
                        // what is left in it was reported when its deletion failed
                    } catch (IOException other) {
                        failures.add("cannot delete " + dir + ": " + IoProblems.describe(other));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            failures.add("cannot delete " + top + ": " + IoProblems.describe(e));
        }
        return bytes[0];
    }

    private static boolean remove(Path path, List<String> failures) {
        try {
            Files.delete(path);
            return true;
        } catch (IOException e) {
            failures.add("cannot delete " + path + ": " + IoProblems.describe(e));
            return false;
        }
    }
}
