package aimengine.data;

import aimengine.io.AtomicFile;
import aimengine.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (planner's process-classes phase): reads the built-in hardware entries, recipes, model catalog, trust
 * policy, native architectures and DRL texts from the folders copied into the classes folder, with every check a run
 * would make, and writes their compact form next to them. A problem in the built-in data fails the build here, with
 * the file and line, instead of every run.
 */
public final class BuiltinDataWriter {
    private BuiltinDataWriter() {
    }

    /** @param args the classes folder that holds aim/rules, aim/recipes and aim/models */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltinDataWriter CLASSES_DIR");
        }
        Path aim = Path.of(args[0]).resolve("aim");
        DataCodec.Contents contents;
        try {
            contents = DataFiles.builtin(aim);
        } catch (InputException e) {
            throw new IllegalStateException("the built-in data has problems:\n" + e.getMessage(), e);
        }
        Path out = aim.getParent().resolve(BuiltinData.RESOURCE);
        Files.createDirectories(out.getParent());
        AtomicFile.write(out, DataCodec.encode(contents));
    }
}
