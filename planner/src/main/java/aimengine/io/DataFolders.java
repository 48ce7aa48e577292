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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(root, p))
                    .filter(p -> endsWithAny(p.getFileName().toString(), suffixes))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
