package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.FileNames;
import aimengine.cli.render.LintReport;
import aimengine.data.DataLoader;
import aimengine.engine.Backend;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagCatalogs;
import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.recipe.LintFinding;
import aimengine.recipe.RecipeCatalog;
import aimengine.recipe.RecipeLinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `recipes lint [PATH...]`: loads recipe files strictly and checks every engine flag against the engine's flag
 * catalog. Exit 0 when no errors (warnings allowed), 2 otherwise.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check recipe files: every problem that keeps a file from loading, and every engine flag against "
                + "the engine's flag catalog (unknown, wrong value, the other engine's, deprecated, removed).",
                "Exit 0 when there is no error (warnings allowed), 2 otherwise."})
public final class RecipesLintCommand extends BaseCommand {
    @Mixin
    DataMixin data;

    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Recipe files or folders (recursively). Default: the built-in recipes and the --recipes folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--engine-version", paramLabel = "ENGINE=VERSION",
            description = "Lint against an older shipped flag catalog, e.g. vllm=0.16.0 (repeatable; default: the newest).")
    List<String> engineVersions = new ArrayList<>();

    @Override
    protected int execute() {
        FlagCatalogs catalogs = FlagCatalogs.builtin();
        RecipeLinter linter = new RecipeLinter(catalogs, versions(catalogs));
        DataLoader loader = new DataLoader(data.toOptions(context().workingDirectory()));
        RecipeCatalog.Loaded loaded = RecipeCatalog.read(targets(), loader.hardware());
        List<LintFinding> findings = linter.lint(loaded);
        List<FlagCatalog> against = Arrays.stream(Backend.values()).map(linter::catalog).toList();
        LintReport report = new LintReport(new FileNames(context().workingDirectory()));
        out().print(output.json()
                ? report.json(findings, loaded.files(), loaded.recipes().size(), against)
                : report.text(findings, loaded.files(), loaded.recipes().size(), against));
        out().flush();
        return findings.stream().anyMatch(LintFinding::isError) ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private List<Path> targets() {
        List<Path> targets = new ArrayList<>();
        if (paths.isEmpty() && data.builtinRecipes()) {
            targets.add(DataFolders.builtin("recipes"));
        }
        paths.forEach(p -> targets.add(context().workingDirectory().resolve(p).normalize()));
        targets.addAll(data.recipeDirs(context().workingDirectory()));
        if (targets.isEmpty()) {
            throw new InputException("nothing to lint: give recipe files or folders, or --recipes DIR");
        }
        return targets;
    }

    private Map<Backend, FlagCatalog> versions(FlagCatalogs catalogs) {
        Map<Backend, FlagCatalog> chosen = new EnumMap<>(Backend.class);
        for (String spec : engineVersions) {
            FlagCatalog catalog = parseVersion(catalogs, spec);
            if (chosen.put(catalog.backend(), catalog) != null) {
                throw new InputException("--engine-version: " + catalog.backend().key() + " is given twice");
            }
        }
        return chosen;
    }

    /** "vllm=0.16.0", or a bare version when only one engine ships a catalog of that version. */
    private static FlagCatalog parseVersion(FlagCatalogs catalogs, String spec) {
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            Backend backend = Backend.parse(spec.substring(0, eq));
            if (backend == null) {
                throw new InputException("--engine-version " + spec + ": unknown engine '" + spec.substring(0, eq)
                        + "'; write vllm=VERSION or sglang=VERSION");
            }
            String version = spec.substring(eq + 1).trim();
            return catalogs.version(backend, version).orElseThrow(() -> new InputException("--engine-version " + spec
                    + ": no " + backend.key() + " flag catalog for " + version + "; shipped: "
                    + String.join(", ", catalogs.versions(backend))));
        }
        List<FlagCatalog> matches = Arrays.stream(Backend.values())
                .map(b -> catalogs.version(b, spec.trim())).flatMap(Optional::stream).toList();
        if (matches.size() != 1) {
            throw new InputException("--engine-version " + spec + ": write ENGINE=VERSION; shipped: "
                    + String.join("; ", Arrays.stream(Backend.values())
                    .map(b -> b.key() + " " + String.join(", ", catalogs.versions(b))).toList()));
        }
        return matches.get(0);
    }
}
