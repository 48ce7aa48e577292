package aimengine.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a program on a PATH value. The JVM resolves a child's program on its own PATH, not on the environment it
 * hands the child, so whoever launches with a chosen environment resolves the program itself first.
 */
public final class Executables {
    private Executables() {
    }

    /** @param path the PATH value (may be null) */
    public static Optional<Path> find(String name, String path) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
