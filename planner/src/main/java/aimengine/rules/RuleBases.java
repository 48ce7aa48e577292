package aimengine.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/**
 * Where a command's rule base comes from, fastest first: the built-in rules compiled at build time (the
 * rules-model module), else a jar compiled earlier from the same DRL texts (the cache), else the DRL compiled now and
 * cached for the next run.
 */
public final class RuleBases {
    /** The executable model of the built-in rules, written by kie-maven-plugin in the rules-model module. */
    private static final String BUILTIN_INDEX = ExecutableModel.indexPath("dev.aimengine", "aim-engine-rules-model");

    /** Where a rule base came from. */
    public enum Origin { BUILT_IN, CACHE, COMPILED }

    /** A rule base and where it came from. */
    public record Loaded(RuleBase ruleBase, Origin origin) {
    }

    private final RuleCache cache;
    private final ClassLoader classes;

    /**
     * @param cache   compiled rule jars
     * @param classes finds the built-in model and the fact classes the rules use
     */
    public RuleBases(RuleCache cache, ClassLoader classes) {
        this.cache = cache;
        this.classes = classes;
    }

    /**
     * The rule base of these DRL sources, built on a background thread while the command reads its other data; a DRL
     * error surfaces when it is used.
     *
     * @param drl        the DRL texts; with the build-time model they are read only to locate a rule that fails
     * @param builtinDrl whether the sources are the built-in rules, so that the build-time model applies; asked on
     *                   the background thread
     */
    public static RuleBase inBackground(Supplier<List<DrlSource>> drl, BooleanSupplier builtinDrl, Path cacheRoot) {
        return RuleBase.inBackground(() -> {
            RuleBases bases = new RuleBases(RuleCache.of(cacheRoot), RuleBases.class.getClassLoader());
            KieBase kieBase = bases.load(drl, builtinDrl.getAsBoolean()).ruleBase().kieBase();
            // The first session loads and links the session machinery: done here, it overlaps the data loading too.
            kieBase.newKieSession().dispose();
            return kieBase;
        }).writtenIn(drl);
    }

    /** The built-in rules as compiled at build time, when that model is on the class path. */
    public Optional<RuleBase> builtin() {
        return ExecutableModel.load(classes, BUILTIN_INDEX);
    }

    /**
     * The rule base of these DRL sources.
     *
     * @param drl        the DRL texts; with the build-time model they are read only to locate a rule that fails
     * @param builtinDrl true when the sources are the built-in rules, so that the build-time model applies
     */
    public Loaded load(Supplier<List<DrlSource>> drl, boolean builtinDrl) {
        if (builtinDrl) {
            Optional<RuleBase> builtin = builtin();
            if (builtin.isPresent()) {
                return new Loaded(builtin.get().writtenIn(drl), Origin.BUILT_IN);
            }
        }
        List<DrlSource> sources = drl.get();
        SiteRuleGuard.check(sources);
        String key = cache.key(sources);
        Optional<RuleBase> cached = cache.read(key).flatMap(this::fromJarOrEmpty);
        if (cached.isPresent()) {
            return new Loaded(cached.get().writtenIn(sources), Origin.CACHE);
        }
        byte[] jar = new RuleCompiler().compile(sources);
        cache.write(key, jar);
        return new Loaded(RuleCompiler.load(jar, classes).writtenIn(sources), Origin.COMPILED);
    }

    /** A damaged or unreadable cache entry counts as absent: it is compiled again and replaced. */
    private Optional<RuleBase> fromJarOrEmpty(byte[] jar) {
        try {
            return Optional.of(RuleCompiler.load(jar, classes));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
