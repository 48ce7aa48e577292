package aimengine.rules;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/**
 * A compiled rule set, ready for planning sessions. See {@link RuleBases} for where one comes from on a command's
 * start (built-in model, cache or compiled now). It may still be building: {@link #kieBase()} waits for it.
 */
public final class RuleBase {
    private final CompletableFuture<KieBase> kieBase;
    private final Supplier<DrlIndex> index;

    private RuleBase(CompletableFuture<KieBase> kieBase, Supplier<DrlIndex> index) {
        this.kieBase = kieBase;
        this.index = index;
    }

    public static RuleBase of(KieBase kieBase) {
        return new RuleBase(CompletableFuture.completedFuture(kieBase), () -> DrlIndex.EMPTY);
    }

    /** The same rule base, knowing which file and line each rule was written at (for reports at planning time). */
    RuleBase writtenIn(List<DrlSource> sources) {
        DrlIndex written = DrlIndex.of(sources);
        return new RuleBase(kieBase, () -> written);
    }

    /**
     * The same, with the DRL texts read only when a rule must be located: a report of a failing rule, which most runs
     * never make, so they need not read the DRL the build already compiled.
     */
    RuleBase writtenIn(Supplier<List<DrlSource>> sources) {
        return new RuleBase(kieBase, () -> DrlIndex.of(sources.get()));
    }

    DrlIndex index() {
        return index.get();
    }

    /**
     * A rule base built on a background (daemon) thread, so that a command reads its other data meanwhile; an
     * error in the build is thrown by {@link #kieBase()}.
     */
    static RuleBase inBackground(Supplier<KieBase> build) {
        return new RuleBase(CompletableFuture.supplyAsync(build, task -> {
            Thread thread = new Thread(task, "aim-engine rules");
            thread.setDaemon(true);
            thread.start();
        }), () -> DrlIndex.EMPTY);
    }

    /**
     * Compiles DRL into the Drools executable model, uncached. A DRL error becomes an
     * {@link aimengine.io.InputException} with file, line and message.
     */
    public static RuleBase compile(List<DrlSource> sources) {
        SiteRuleGuard.check(sources);
        return RuleCompiler.load(new RuleCompiler().compile(sources), RuleBase.class.getClassLoader()).writtenIn(sources);
    }

    public KieBase kieBase() {
        try {
            return kieBase.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
