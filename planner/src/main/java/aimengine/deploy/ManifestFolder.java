package aimengine.deploy;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one file per manifest into a folder, all or nothing: the files are written into a temporary folder on the
 * same file system first and moved into place only when every one is whole. A new folder appears in one rename; into
 * an existing one, files of the same names are replaced one by one (each replacement atomic), others are left alone.
 */
public final class ManifestFolder {
    private ManifestFolder() {
    }

    /** @return the files written, in manifest order */
    public static List<Path> write(Path folder, List<Manifest> manifests, List<String> notes) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(folder + " exists and is not a folder");
        }
        boolean fresh = !Files.exists(target);
        Path parent = fresh ? target.getParent() : target;
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".aim-deploy-");
        try {
            for (Manifest m : manifests) {
                Files.writeString(staging.resolve(m.fileName()), ManifestYaml.document(m, notes));
            }
            if (fresh) {
                move(staging, target);
            } else {
                for (Manifest m : manifests) {
                    move(staging.resolve(m.fileName()), target.resolve(m.fileName()));
                }
            }
        } finally {
            deleteTree(staging);
        }
        List<Path> written = new ArrayList<>();
        manifests.forEach(m -> written.add(target.resolve(m.fileName())));
        return written;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
