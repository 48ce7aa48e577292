package aimengine.data;

import aimengine.deploy.DeploySizing;
import aimengine.deploy.DeploySizingLoader;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.TrustPolicy;
import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.hardware.HardwareLoader;
import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.model.ModelCatalog;
import aimengine.recipe.RecipeCatalog;
import aimengine.rules.DrlSource;
import aimengine.rules.RuleBase;
import aimengine.rules.RuleBases;
import aimengine.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the data a command needs (hardware catalog, recipes, model catalog, DRL) from the built-in folders and the
 * folders given on the command line. Each piece is read only when asked for.
 */
public final class DataLoader {
    private static final String SIZING = "deploy/sizing.yaml";
    private final DataOptions options;

    public DataLoader(DataOptions options) {
        this.options = options;
    }

    public DataOptions options() {
        return options;
    }

    public HardwareCatalog hardware() {
        List<Hardware> entries = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        HardwareLoader loader = new HardwareLoader();
        for (Path dir : rulesFolders()) {
            Path hw = dir.resolve("hardware");
            if (!Files.isDirectory(hw)) {
                continue;
            }
            for (Path file : DataFolders.find(hw, ".yaml", ".yml")) {
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
        return new HardwareCatalog(entries);
    }

    /**
     * The deploy sizing policy: the built-in rules/deploy/sizing.yaml, replaced by the last --rules folder that has a
     * deploy/sizing.yaml (also with --no-builtin-rules, which concerns the DRL and the hardware catalog).
     */
    public DeploySizing deploySizing() {
        Path file = DataFolders.builtin("rules").resolve(SIZING);
        for (Path dir : options.rulesDirs()) {
            if (Files.isRegularFile(dir.resolve(SIZING))) {
                file = dir.resolve(SIZING);
            }
        }
        return new DeploySizingLoader().load(DataFolders.displayName(file), YamlDocument.read(file));
    }

    public RecipeCatalog recipes(HardwareCatalog hardware) {
        List<Path> folders = new ArrayList<>();
        if (options.builtinRecipes()) {
            folders.add(DataFolders.builtin("recipes"));
        }
        folders.addAll(options.recipeDirs());
        return RecipeCatalog.load(folders, hardware);
    }

    public ModelCatalog models() {
        List<Path> folders = new ArrayList<>();
        folders.add(DataFolders.builtin("models"));
        folders.addAll(options.modelDirs());
        return ModelCatalog.load(folders);
    }

    /** The trust policy: the given file (--trust-policy), else the built-in rules/trust.yaml. */
    public TrustPolicy trustPolicy(Path file) {
        return new TrustPolicyLoader().policy(file != null ? file : DataFolders.builtin("rules").resolve("trust.yaml"));
    }

    /** The architectures each engine implements itself (built-in rules/architectures.yaml). */
    public List<NativeArchitectures> nativeArchitectures() {
        return new TrustPolicyLoader().nativeArchitectures(DataFolders.builtin("rules").resolve("architectures.yaml"));
    }

    /** DRL files by file name: a file in a --rules folder replaces the built-in file of the same name. */
    public List<DrlSource> drl() {
        Map<String, DrlSource> byName = new LinkedHashMap<>();
        for (Path dir : rulesFolders()) {
            for (Path file : DataFolders.find(dir, ".drl")) {
                try {
                    byName.put(file.getFileName().toString(),
                            new DrlSource(DataFolders.displayName(file), Files.readString(file)));
                } catch (IOException e) {
                    throw new InputException(file.toString(), 0, "cannot read rules file: " + e.getMessage());
                }
            }
        }
        if (byName.isEmpty()) {
            throw new InputException("no rules: the rules folders hold no .drl file");
        }
        return List.copyOf(byName.values());
    }

    /**
     * The rule base for this data: the build-time model when the DRL is the built-in DRL, else compiled and cached
     * under {@code cacheRoot}. Built in the background while the command reads its other data.
     */
    public RuleBase ruleBase(Path cacheRoot) {
        List<DrlSource> drl = drl();
        // --rules folders holding only hardware entries leave the built-in DRL as it is.
        boolean builtinDrl = builtinRulesOnly() || drl.equals(new DataLoader(DataOptions.builtins()).drl());
        return RuleBases.inBackground(drl, builtinDrl, cacheRoot);
    }

    /**
     * Entries of the user's --recipes, --rules and --models folders that were left out (dangling or looping links,
     * folders named like data files), one warning each: a file the user meant to add and that silently did nothing
     * would be worse than a word about it.
     */
    public List<InputProblem> skippedEntries() {
        List<InputProblem> skipped = new ArrayList<>();
        List<Path> yamlFolders = new ArrayList<>(options.recipeDirs());
        yamlFolders.addAll(options.modelDirs());
        options.rulesDirs().forEach(dir -> yamlFolders.add(dir.resolve("hardware")));
        for (Path dir : yamlFolders) {
            if (Files.isDirectory(dir)) {
                skipped.addAll(DataFolders.list(dir, ".yaml", ".yml").skipped());
            }
        }
        for (Path dir : options.rulesDirs()) {
            if (Files.isDirectory(dir)) {
                skipped.addAll(DataFolders.list(dir, ".drl").skipped());
            }
        }
        return List.copyOf(skipped);
    }

    /** True when only the built-in rules are in use, so the precompiled rule base applies. */
    public boolean builtinRulesOnly() {
        return options.builtinRules() && options.rulesDirs().isEmpty();
    }

    private List<Path> rulesFolders() {
        List<Path> folders = new ArrayList<>();
        if (options.builtinRules()) {
            folders.add(DataFolders.builtin("rules"));
        }
        for (Path dir : options.rulesDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new InputException(dir.toString(), 0, "rules folder does not exist or is not a folder");
            }
            folders.add(dir);
        }
        return folders;
    }
}
