package aimengine.data;

import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.hardware.HardwareLoader;
import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelCatalogReader;
import aimengine.recipe.RecipeCatalog;
import aimengine.yaml.YamlDocument;
import aimengine.rules.DrlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads data folders from their files (YAML, DRL), with every check; what the compact form is made from. */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * The hardware entries of the YAML files below the folders (folders that do not exist are skipped: a --rules
     * folder need not have hardware).
     *
     * @throws InputException with every problem of every file
     */
    static List<Hardware> hardware(List<Path> folders) {
        List<Hardware> entries = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        HardwareLoader loader = new HardwareLoader();
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path file : DataFolders.find(dir, ".yaml", ".yml")) {
                String name = DataFolders.displayName(file);
                try {
                    entries.addAll(loader.load(name, YamlDocument.read(file)));
                } catch (InputException e) {
                    e.problems().forEach(p -> problems.add(new InputProblem(name, p.line(), p.message())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return entries;
    }

    /** The DRL files of a folder (recursively, sorted), each named as messages name it. */
    static List<DrlSource> drl(Path dir) {
        List<DrlSource> sources = new ArrayList<>();
        for (Path file : DataFolders.find(dir, ".drl")) {
            try {
                sources.add(new DrlSource(DataFolders.displayName(file), Files.readString(file)));
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, "cannot read rules file: " + e.getMessage());
            }
        }
        return sources;
    }

    /**
     * The built-in data below a classes folder's aim/, checked together as a run checks it (the recipes against the
     * hardware).
     */
    static DataCodec.Contents builtin(Path aim) {
        Path rules = aim.resolve("rules");
        List<Hardware> hardware = hardware(List.of(rules.resolve("hardware")));
        RecipeCatalog recipes = RecipeCatalog.load(List.of(aim.resolve("recipes")), new HardwareCatalog(hardware));
        List<ModelCatalog.Entry> models = ModelCatalogReader.read(List.of(aim.resolve("models")));
        ModelCatalog.of(models);
        TrustPolicyLoader trust = new TrustPolicyLoader();
        return new DataCodec.Contents(hardware, List.copyOf(recipes.all()), models,
                trust.policy(rules.resolve(DataLoader.TRUST)),
                trust.nativeArchitectures(rules.resolve(DataLoader.ARCHITECTURES)), drl(rules));
    }
}
