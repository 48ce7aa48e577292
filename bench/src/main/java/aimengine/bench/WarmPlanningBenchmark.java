package aimengine.bench;

import aimengine.cache.CacheRoot;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.engine.FlagCatalogs;
import aimengine.facts.PlanRequest;
import aimengine.facts.TrustRequest;
import aimengine.generate.EngineCommandBuilder;
import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelResolver;
import aimengine.plan.Plan;
import aimengine.plan.Planner;
import aimengine.plan.TrustInputs;
import aimengine.probe.GpuGroup;
import aimengine.probe.HostView;
import aimengine.rules.RuleBases;
import aimengine.rules.RuleCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm planning: one whole {@link Planner#plan} (candidate expansion, a fresh rules session, fire, plan assembly and
 * the engine command) with the built-in rules compiled at build time, over a synthetic catalog, on a host with the
 * given number of MI300X GPUs.
 * <p>
 * The collector is set so that the numbers measure planning rather than collector sizing: in rounds 1 and 2 one plan
 * over 10,000 recipes allocated about 280 MB and kept most of it (the rule engine's tuples) alive until its session
 * ended, and G1's young generation, sized for pauses, promoted that to the old generation where mixed collections
 * dominated. Since the candidates come in by recipe group (round 3) such a plan allocates about 14 MB and the default
 * collector gives the same figures; the flags stay so that the rounds compare. Run with
 * {@code -jvmArgsAppend "-Xms2g -Xmx2g"} (which replaces these) to see the default collector.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+UseParallelGC"})
public class WarmPlanningBenchmark {
    @Param({"10", "100", "1000", "10000"})
    int recipes;

    @Param({"1", "2", "4", "8"})
    int gpus;

    /** Models the recipes spread over; 1 puts every candidate in scope. */
    @Param({"50"})
    int models;

    private Planner planner;
    private HostView host;
    private PlanRequest request;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path tmp = Files.createTempDirectory("aim-bench");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("qwen3-32b.yaml"), SyntheticCatalog.targetModelYaml());
        DataLoader data = new DataLoader(DataOptions.builtins());
        HardwareCatalog hardware = data.hardware();
        RuleBases rules = new RuleBases(RuleCache.of(tmp.resolve("cache")), getClass().getClassLoader());
        planner = new Planner(rules.builtin().orElseThrow(() -> new IllegalStateException("no built-in rules model")),
                hardware, SyntheticCatalog.recipes(recipes, this.models),
                new ModelResolver(new CacheRoot(tmp.resolve("hub"), "bench"), ModelCatalog.load(List.of(models)), null),
                new EngineCommandBuilder(FlagCatalogs.builtin()::newest),
                new TrustInputs(data.trustPolicy(null), data.nativeArchitectures(), new TrustRequest(false, false),
                        List.of()));
        Hardware mi300x = hardware.byKey("mi300x").orElseThrow();
        host = new HostView("bench", List.of(new GpuGroup("mi300x", mi300x.vendor(), mi300x.llvmTarget(),
                mi300x.vramMiB(), gpus, gpus, gpus)), List.of(), List.of(), false);
        request = new PlanRequest(SyntheticCatalog.TARGET, 0, null, "vllm", "latency", null, false);
        Plan check = plan();
        if (check.selected() == null) {
            throw new IllegalStateException("the synthetic catalog gives no plan on " + gpus + " GPUs");
        }
    }

    @Benchmark
    public Plan plan() {
        return planner.plan(request, host, 8000, "127.0.0.1");
    }
}
