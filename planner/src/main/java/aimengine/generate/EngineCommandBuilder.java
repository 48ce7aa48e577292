package aimengine.generate;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import aimengine.engine.EngineProfile;
import aimengine.engine.EngineSetting;
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
 * The system flags (model, tensor parallelism, port, host, and the engine's switch for its /metrics, which run
 * re-exposes) come first and are owned by aim-engine; recipe flags follow in recipe order with switches normalised
 * (true/"true"/null: bare; false: left out); then an imposed context and, when the checkpoint is not the model asked
 * for, {@code --served-model-name} with the requested name.
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
     * @param requested   the model the user asked for, which the engine must answer to (/v1/models, requests)
     * @param maxModelLen a context to impose (a shortened context the plan chose), or 0 to keep the recipe's
     * @param port        listen port
     * @param bindAddress listen address
     */
    public record Target(String checkpoint, String requested, int maxModelLen, int port, String bindAddress) {
    }

    public EngineCommand build(Recipe recipe, RecipeVariant variant, Hardware hardware, Target target) {
        Backend b = variant.backend();
        EngineProfile engine = b.profile();
        FlagCatalog catalog = catalogs.apply(b);
        List<String> argv = new ArrayList<>(systemArgs(engine, target.checkpoint(), variant.gpuCount(), target));
        boolean contextImposed = target.maxModelLen() > 0;
        for (EngineArg arg : variant.args()) {
            Optional<EngineSetting> setting = engine.setting(arg.flag());
            if (setting.filter(EngineSetting::ownedByAimEngine).isPresent() || isMetricsFlag(engine, arg.flag())
                    || contextImposed && setting.orElse(null) == EngineSetting.CONTEXT_LENGTH) {
                continue;
            }
            Optional<FlagSpec> spec = catalog.find(arg.flag());
            boolean isSwitch = spec.map(FlagSpec::isSwitch).orElse(arg.value() == null);
            if (isSwitch && arg.isSwitchOff()) {
                // A --x/--no-x pair turned off means its opposite; a plain switch turned off is left out.
                spec.filter(f -> f.kind().equals("bool-optional"))
                        .map(f -> opposite(catalog, f, arg.flag())).ifPresent(argv::add);
                continue;
            }
            argv.add(arg.flag());
            if (!isSwitch && arg.value() != null) {
                argv.add(arg.value());
            }
        }
        if (contextImposed) {
            argv.add(engine.flag(EngineSetting.CONTEXT_LENGTH));
            argv.add(String.valueOf(target.maxModelLen()));
        }
        boolean named = variant.args().stream().anyMatch(a -> engine.setting(a.flag()).orElse(null) == EngineSetting.SERVED_MODEL_NAME);
        if (!named && !target.requested().equals(target.checkpoint())) {
            argv.addAll(servedNames(engine, catalog, target));
        }
        Map<String, String> env = new LinkedHashMap<>(new TreeMap<>(hardware.envFor(b)));
        env.putAll(new TreeMap<>(recipe.env()));
        env.putAll(new TreeMap<>(variant.env()));
        return new EngineCommand(b, argv, env);
    }

    /**
     * A recipe that serves the model from another checkpoint (an FP8 build) still answers to the name the user asked
     * for. Where the engine takes several names (vLLM), the checkpoint's stays as the second, as AMD's runtime passes
     * both; SGLang takes one name. A name set by the recipe or the user is left as it is.
     */
    private static List<String> servedNames(EngineProfile engine, FlagCatalog catalog, Target target) {
        List<String> argv = new ArrayList<>(List.of(engine.flag(EngineSetting.SERVED_MODEL_NAME), target.requested()));
        boolean several = catalog.find(engine.flag(EngineSetting.SERVED_MODEL_NAME)).map(f -> f.kind().equals("list"))
                .orElse(false);
        if (several) {
            argv.add(target.checkpoint());
        }
        return argv;
    }

    private static String opposite(FlagCatalog catalog, FlagSpec spec, String written) {
        if (catalog.isNegation(written)) {
            return spec.flag();
        }
        return spec.aliases().stream().filter(a -> a.startsWith("--no-")).findFirst()
                .orElse("--no-" + spec.flag().substring(2));
    }

    /**
     * The flags aim-engine owns, first: the program and model, tensor parallelism, port and host, and the switch that
     * turns the engine's metrics on where it has one.
     */
    static List<String> systemArgs(EngineProfile engine, String checkpoint, int gpus, Target target) {
        List<String> argv = engine.launch(checkpoint);
        argv.addAll(List.of(engine.flag(EngineSetting.TENSOR_PARALLEL), String.valueOf(gpus),
                engine.flag(EngineSetting.PORT), String.valueOf(target.port()),
                engine.flag(EngineSetting.HOST), target.bindAddress()));
        if (engine.serving().metricsFlag() != null) {
            argv.add(engine.serving().metricsFlag());
        }
        return argv;
    }

    /** A recipe's own metrics switch is already among the system flags. */
    private static boolean isMetricsFlag(EngineProfile engine, String flag) {
        String m = engine.serving().metricsFlag();
        return m != null && EngineFlags.sameFlag(flag, m);
    }
}
