package aimengine.data;

import aimengine.deploy.DeploySizing;
import aimengine.deploy.DeploySizingLoader;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.TrustPolicy;
import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.io.Lazy;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelCatalogReader;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeCatalog;
import aimengine.rules.DrlSource;
import aimengine.rules.RuleBase;
import aimengine.rules.RuleBases;
import aimengine.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the data a command needs (hardware catalog, recipes, model catalog, DRL) from the built-in data and the
 * folders given on the command line. Each piece is read only when asked for. The built-in hardware, recipes and
 * models come in their compact form, made at build time ({@link BuiltinData}); the folders' YAML is kept in that form
 * in the cache, keyed by content ({@link DataCache}), when a cache folder is given.
 */
public final class DataLoader {
    private static final String SIZING = "deploy/sizing.yaml";
    static final String TRUST = "trust.yaml";
    static final String ARCHITECTURES = "architectures.yaml";
    private final DataOptions options;
    private final Path cacheRoot;
    private final Lazy<Optional<DataCodec.Sections>> builtin = Lazy.of(BuiltinData::read);

    /** A loader that reads the folders' YAML on every run (no cache). */
    public DataLoader(DataOptions options) {
        this(options, null);
    }

    /** @param cacheRoot the aim-engine cache folder, where the folders' data is kept in compact form; null for none */
    public DataLoader(DataOptions options, Path cacheRoot) {
        this.options = options;
        this.cacheRoot = cacheRoot;
    }

    public DataOptions options() {
        return options;
    }

    public HardwareCatalog hardware() {
        List<Hardware> entries = new ArrayList<>();
        if (options.builtinRules()) {
            entries.addAll(builtin(DataCodec.Sections::hardware)
                    .orElseGet(() -> DataFiles.hardware(List.of(DataFolders.builtin("rules").resolve("hardware")))));
        }
        List<Path> user = userRulesFolders().stream().map(dir -> dir.resolve("hardware")).filter(Files::isDirectory)
                .toList();
        if (!user.isEmpty()) {
            entries.addAll(cached("hardware", user, "",
                    () -> DataCodec.Contents.ofHardware(DataFiles.hardware(user))).hardware());
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
        // The built-in recipes were checked against the built-in hardware, which the catalog holds only with them.
        Optional<List<Recipe>> builtinRecipes = options.builtinRecipes() && options.builtinRules()
                ? builtin(DataCodec.Sections::recipes) : Optional.empty();
        if (options.builtinRecipes() && builtinRecipes.isEmpty()) {
            return RecipeCatalog.load(recipeFolders(), hardware);
        }
        List<Recipe> all = new ArrayList<>(builtinRecipes.orElse(List.of()));
        List<Path> user = options.recipeDirs();
        if (!user.isEmpty()) {
            // What reading depends on besides the files: the hardware names a recipe may use.
            String names = hardware.all().stream().map(h -> h.key() + "=" + h.llvmTarget()).sorted()
                    .collect(Collectors.joining(","));
            all.addAll(cached("recipes", user, names, () -> DataCodec.Contents.ofRecipes(
                    List.copyOf(RecipeCatalog.load(user, hardware).all()))).recipes());
        }
        if (all.stream().map(Recipe::id).distinct().count() < all.size()) {
            // an id used twice: the YAML reading says where each was defined, with lines
            return RecipeCatalog.load(recipeFolders(), hardware);
        }
        return RecipeCatalog.of(all);
    }

    public ModelCatalog models() {
        List<ModelCatalog.Entry> entries = new ArrayList<>(builtin(DataCodec.Sections::models)
                .orElseGet(() -> ModelCatalogReader.read(List.of(DataFolders.builtin("models")))));
        List<Path> user = options.modelDirs();
        if (!user.isEmpty()) {
            entries.addAll(cached("models", user, "",
                    () -> DataCodec.Contents.ofModels(ModelCatalogReader.read(user))).models());
        }
        return ModelCatalog.of(entries);
    }

    /** The trust policy: the given file (--trust-policy), else the built-in rules/trust.yaml. */
    public TrustPolicy trustPolicy(Path file) {
        if (file != null) {
            return new TrustPolicyLoader().policy(file);
        }
        return builtin(DataCodec.Sections::trust)
                .orElseGet(() -> new TrustPolicyLoader().policy(DataFolders.builtin("rules").resolve(TRUST)));
    }

    /** The architectures each engine implements itself (built-in rules/architectures.yaml). */
    public List<NativeArchitectures> nativeArchitectures() {
        return builtin(DataCodec.Sections::architectures).orElseGet(() ->
                new TrustPolicyLoader().nativeArchitectures(DataFolders.builtin("rules").resolve(ARCHITECTURES)));
    }

    /** DRL files by file name: a file in a --rules folder replaces the built-in file of the same name. */
    public List<DrlSource> drl() {
        Map<String, DrlSource> byName = new LinkedHashMap<>();
        List<DrlSource> all = new ArrayList<>();
        if (options.builtinRules()) {
            all.addAll(builtinDrl());
        }
        userRulesFolders().forEach(dir -> all.addAll(DataFiles.drl(dir)));
        all.forEach(s -> byName.put(s.name().substring(s.name().lastIndexOf('/') + 1), s));
        if (byName.isEmpty()) {
            throw new InputException("no rules: the rules folders hold no .drl file");
        }
        return List.copyOf(byName.values());
    }

    /**
     * The rule base for this data: the build-time model when the DRL is the built-in DRL, else compiled and cached
     * under {@code cacheRoot}. Built in the background, DRL reading included, while the command reads its other data;
     * a problem with the DRL surfaces when the rule base is used.
     */
    public RuleBase ruleBase(Path cacheRoot) {
        Lazy<List<DrlSource>> drl = Lazy.of(this::drl);
        // --rules folders holding only hardware entries leave the built-in DRL as it is: the build-time model applies.
        BooleanSupplier builtinDrl = builtinRulesOnly() ? () -> true : () -> drl.get().equals(builtinDrl());
        return RuleBases.inBackground(drl, builtinDrl, cacheRoot);
    }

    private List<DrlSource> builtinDrl() {
        return builtin(DataCodec.Sections::drl).orElseGet(() -> DataFiles.drl(DataFolders.builtin("rules")));
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

    /** The recipe folders as YAML: the built-in one (inside the jar when running from it) and the user's. */
    private List<Path> recipeFolders() {
        List<Path> folders = new ArrayList<>();
        if (options.builtinRecipes()) {
            folders.add(DataFolders.builtin("recipes"));
        }
        folders.addAll(options.recipeDirs());
        return folders;
    }

    private List<Path> userRulesFolders() {
        for (Path dir : options.rulesDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new InputException(dir.toString(), 0, "rules folder does not exist or is not a folder");
            }
        }
        return options.rulesDirs();
    }

    /** One part of the built-in data in its compact form, or empty when this build has none. */
    private <T> Optional<T> builtin(BuiltinData.Part<T> part) {
        return builtin.get().map(sections -> BuiltinData.part(sections, part));
    }

    private DataCodec.Contents cached(String kind, List<Path> folders, String context,
                                      Supplier<DataCodec.Contents> read) {
        return cacheRoot == null ? read.get() : DataCache.under(cacheRoot).get(kind, folders, context, read);
    }
}
