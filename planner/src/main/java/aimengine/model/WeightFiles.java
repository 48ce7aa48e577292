package aimengine.model;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The weight files of a snapshot or model folder, by format: safetensors, or Python pickles (.bin, .pt, .pth, .pkl),
 * which can run code when loaded. Subfolders count too (Llama repositories keep original/consolidated.*.pth).
 *
 * @param safetensors .safetensors files
 * @param pickle      pickle files
 * @param example     the first pickle file (relative path), or null
 */
public record WeightFiles(int safetensors, int pickle, String example) {
    private static final Set<String> PICKLE = Set.of(".bin", ".pt", ".pth", ".pkl");
    /** Deep enough for subfolders such as original/; hub snapshots are shallow. */
    private static final int DEPTH = 3;

    public static WeightFiles scan(Path folder) {
        // Snapshot files are links into ../blobs: their names are what counts, so links are listed, not followed.
        try (Stream<Path> walk = Files.walk(folder, DEPTH, new FileVisitOption[0])) {
            List<Path> files = walk.filter(p -> !Files.isDirectory(p)).sorted().toList();
            int safetensors = 0;
            int pickle = 0;
            String example = null;
            for (Path f : files) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".safetensors")) {
                    safetensors++;
                } else if (PICKLE.stream().anyMatch(name::endsWith)) {
                    pickle++;
                    if (example == null) {
                        example = folder.relativize(f).toString();
                    }
                }
            }
            return new WeightFiles(safetensors, pickle, example);
        } catch (IOException e) {
            return new WeightFiles(0, 0, null);
        }
    }

    public boolean any() {
        return safetensors + pickle > 0;
    }
}
