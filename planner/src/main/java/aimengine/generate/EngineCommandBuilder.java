package aimengine.generate;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagSpec;
import aimengine.hardware.Hardware;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a recipe variant into the engine's argv and environment.
 * vLLM: {@code vllm serve CHECKPOINT --tensor-parallel-size N --port P --host ADDR ...};
 * SGLang: {@code python3 -m sglang.launch_server --model-path CHECKPOINT --tp-size N --port P --host ADDR
 * --enable-metrics ...}.
 * The system flags (model, tensor parallelism, port, host, and the switch that turns the engine's /metrics on) come
 * first and are owned by aim-engine; recipe flags
 * follow in recipe order with switches normalised (true/"true"/null: bare; false: left out).
 * Environment: hardware defaults &lt; recipe &lt; variant.
 */
public final class EngineCommandBuilder {
    private final java.util.function.Function<Backend, FlagCatalog> catalogs;

    /** @param catalogs the flag catalog of each engine, to tell switches (bare) from value flags */
    public EngineCommandBuilder(java.util.function.Function<Backend, FlagCatalog> catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * @param checkpoint  what the engine loads
     * @param maxModelLen a context to impose (a shortened context the plan chose), or 0 to keep the recipe's
     * @param port        listen port
     * @param bindAddress listen address
     */
    public record Target(String checkpoint, int maxModelLen, int port, String bindAddress) {
    }

    public EngineCommand build(Recipe recipe, RecipeVariant variant, Hardware hardware, Target target) {
        Backend b = variant.backend();
        List<String> argv = new ArrayList<>(systemArgs(b, target.checkpoint(), variant.gpuCount(), target));
        boolean contextImposed = target.maxModelLen() > 0;
        for (EngineArg arg : variant.args()) {
            if (isSystemFlag(b, arg.flag()) || matches(arg.flag(), EngineFlags.metrics(b)) || contextImposed && matches(arg.flag(), EngineFlags.contextLength(b))) {
                continue;
            }
            FlagCatalog catalog = catalogs.apply(b);
            Optional<FlagSpec> spec = catalog.find(arg.flag());
            boolean isSwitch = spec.map(FlagSpec::isSwitch).orElse(arg.value() == null);
            if (isSwitch && arg.isSwitchOff()) {
                // A --x/--no-x pair turned off means its opposite; a plain switch turned off is left out.
                spec.filter(f -> f.kind().equals("bool-optional")).map(f -> opposite(catalog, f, arg.flag()))
                        .ifPresent(argv::add);
                continue;
            }
            argv.add(arg.flag());
            if (!isSwitch && arg.value() != null) {
                argv.add(arg.value());
            }
        }
        if (contextImposed) {
            argv.add(EngineFlags.contextLength(b)[0]);
            argv.add(String.valueOf(target.maxModelLen()));
        }
        Map<String, String> env = new LinkedHashMap<>(new TreeMap<>(hardware.envFor(b)));
        env.putAll(new TreeMap<>(recipe.env()));
        env.putAll(new TreeMap<>(variant.env()));
        return new EngineCommand(argv, env);
    }

    private static String opposite(FlagCatalog catalog, FlagSpec spec, String written) {
        if (catalog.isNegation(written)) {
            return spec.flag();
        }
        return spec.aliases().stream().filter(a -> a.startsWith("--no-")).findFirst()
                .orElse("--no-" + spec.flag().substring(2));
    }

    static List<String> systemArgs(Backend b, String checkpoint, int gpus, Target target) {
        List<String> argv = new ArrayList<>();
        if (b == Backend.VLLM) {
            argv.addAll(List.of("vllm", "serve", checkpoint, "--tensor-parallel-size", String.valueOf(gpus)));
        } else {
            argv.addAll(List.of("python3", "-m", "sglang.launch_server", "--model-path", checkpoint,
                    "--tp-size", String.valueOf(gpus)));
        }
        argv.addAll(List.of("--port", String.valueOf(target.port()), "--host", target.bindAddress()));
        argv.addAll(List.of(EngineFlags.metrics(b)));
        return argv;
    }

    /** Flags aim-engine sets itself; a recipe or override may not set them. */
    public static boolean isSystemFlag(Backend b, String flag) {
        return matches(flag, EngineFlags.tensorParallel(b)) || matches(flag, EngineFlags.model(b))
                || matches(flag, EngineFlags.port(b)) || matches(flag, EngineFlags.host(b));
    }

    private static boolean matches(String flag, String[] names) {
        for (String n : names) {
            if (EngineFlags.sameFlag(flag, n) || flag.equals(n)) {
                return true;
            }
        }
        return false;
    }
}
