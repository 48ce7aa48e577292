package aimengine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The data folders (rules, recipes, models) that ship inside the jar as built-in defaults, and the listing of
 * data files below any folder, built-in or on disk, in a stable order.
 */
public final class DataFolders {
    private static final String PREFIX = "aim/";

    private DataFolders() {
    }

    /** The built-in folder "rules", "recipes" or "models", as a path (inside the jar when running from it). */
    public static Path builtin(String name) {
        URL url = DataFolders.class.getClassLoader().getResource(PREFIX + name);
        if (url == null) {
            throw new IllegalStateException("built-in data folder " + name + " is missing from the build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another folder of the same jar opened it first
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open built-in data folder " + name + ": " + e.getMessage(), e);
        }
    }

    /** Files below root whose names end with one of the suffixes, recursively, hidden folders skipped, sorted. */
    public static List<Path> find(Path root, String... suffixes) {
        return list(root, suffixes).files();
    }

    /**
     * The data files below a folder, and the entries that look like data but cannot be read as such: links that lead
     * nowhere, links that loop back to a folder above them, folders named like data files. Links to folders are
     * followed (a site keeps its rules where it likes), each folder once.
     *
     * @param files   regular files (or links to them) whose names end with one of the suffixes, sorted
     * @param skipped one warning per entry left out, with the reason
     */
    public record Listing(List<Path> files, List<InputProblem> skipped) {
    }

    public static Listing list(Path root, String... suffixes) {
        if (Files.isRegularFile(root)) {
            return new Listing(List.of(root), List.of());
        }
        List<Path> files = new ArrayList<>();
        List<InputProblem> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root) && isHidden(root, dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!dir.equals(root) && endsWithAny(dir.getFileName().toString(), suffixes)) {
                                skipped.add(new InputProblem(displayName(dir), 0, "is a folder, not a data file: "
                                        + "skipped (its contents are read as any folder's)"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(root, file) || !endsWithAny(file.getFileName().toString(), suffixes)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isRegularFile()) {
                                files.add(file);
                            } else if (attrs.isSymbolicLink()) {
                                skipped.add(new InputProblem(displayName(file), 0, "is a link to nothing: skipped"));
                            } else {
                                skipped.add(new InputProblem(displayName(file), 0, "is not a regular file: skipped"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!isHidden(root, file)) {
                                skipped.add(new InputProblem(displayName(file), 0, e instanceof FileSystemLoopException
                                        ? "is a link to a folder above it (a loop): skipped"
                                        : "cannot be read: skipped (" + e.getMessage() + ")"));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return new Listing(List.copyOf(files), List.copyOf(skipped));
    }

    private static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** How a data file is named in messages: "builtin:recipes/x.yaml" inside the jar, the path on disk otherwise. */
    public static String displayName(Path file) {
        if ("jar".equals(file.getFileSystem().provider().getScheme()) || file.toString().contains("/" + PREFIX)
                && file.toString().contains("target/classes")) {
            String s = file.toString();
            return "builtin:" + s.substring(s.indexOf(PREFIX) + PREFIX.length());
        }
        return file.toString();
    }
}
