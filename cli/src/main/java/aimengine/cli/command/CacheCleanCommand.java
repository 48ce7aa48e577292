package aimengine.cli.command;

import aimengine.cache.CacheBusyException;
import aimengine.cache.CacheCleaner;
import aimengine.cache.CacheRoot;
import aimengine.cache.CleanPlan;
import aimengine.cache.CleanRequest;
import aimengine.cache.CleanResult;
import aimengine.cache.DurationText;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.render.CacheCleanJson;
import aimengine.cli.render.CacheCleanText;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `aim-engine cache clean`: says what it would delete, and deletes it with --yes. */
@Command(name = "clean", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Delete models from the Hugging Face hub cache. Without --yes it only prints what it would"
                + " delete and the bytes that would free. Models a running 'aim-engine run' uses are skipped.",
                "Exit codes: 0 ok, 1 failure (another clean running, a deletion failed), 2 bad input (bad"
                        + " duration, a folder that is not a hub cache, a model not in the cache)."})
public final class CacheCleanCommand extends BaseCommand {
    static final String DEFAULT_AGE = "30d";

    @Mixin
    CacheDirMixin cache;

    @Mixin
    OutputMixin output;

    @Option(names = "--older-than", paramLabel = "AGE", description = "Delete models not read or written for"
            + " longer than AGE: 30d, 12h, 90m (default: " + DEFAULT_AGE + ", or any age with --model).")
    String olderThan;

    @Option(names = "--model", paramLabel = "ID", description = "Delete only this model, e.g. Qwen/Qwen3-0.6B.")
    String model;

    @Option(names = {"-y", "--yes"}, description = "Really delete; without it nothing is deleted.")
    boolean yes;

    @Override
    protected int execute() {
        String age = olderThan != null || model != null ? olderThan : DEFAULT_AGE;
        Duration duration = age == null ? null : DurationText.parse("--older-than", age);
        CacheRoot root = cache.root(context());
        CacheCleaner cleaner = new CacheCleaner(root, Clock.systemUTC());
        CleanPlan plan = cleaner.plan(new CleanRequest(duration, model));
        String asked = (model == null ? "models" : model) + (age == null ? "" : " unused for longer than " + age);
        if (!yes) {
            out().print(output.json() ? CacheCleanJson.plan(plan) : CacheCleanText.plan(plan, asked));
            out().flush();
            return ExitCodes.OK;
        }
        CleanResult result;
        try {
            result = cleaner.execute(plan);
        } catch (CacheBusyException e) {
            throw new ExitException(ExitCodes.FAILURE, e.getMessage());
        }
        out().print(output.json() ? CacheCleanJson.result(plan, result) : CacheCleanText.result(plan, result));
        out().flush();
        result.failures().forEach(f -> err().println("error: " + f));
        return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
