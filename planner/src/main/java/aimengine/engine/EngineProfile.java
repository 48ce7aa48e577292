package aimengine.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What aim-engine knows about one serving engine, so that no other class has to test which engine it is dealing
 * with: how it is started, what it calls the settings aim-engine reads or owns, how it says it is ready, where it
 * answers health and metrics, what it needs in its environment and which of its values are secrets. The profiles
 * themselves are in {@link EngineProfiles}, one per engine. How a switch is written (bare, or a --x/--no-x pair) is
 * not here but per flag in the engine version's {@link FlagCatalog}: SGLang, all bare switches until v0.5.10, has
 * pairs since.
 *
 * @param backend               the engine
 * @param displayName           its own spelling, for messages ("vLLM")
 * @param program               the command that starts the server, before the model ("vllm", "serve")
 * @param modelFlag             the flag the checkpoint follows, or null when the model is positional
 * @param settings              the engine's names for each setting aim-engine knows, the one aim-engine writes first
 * @param defaultMemoryFraction the memory fraction the engine uses when none is given
 * @param serving               health, metrics and the ready line
 * @param launchEnv             environment every launch gets unless the user's environment sets it
 * @param flagDumpScript        Python that prints the installed engine's argument parser as JSON (one line, last)
 * @param missingHint           what to tell a user whose engine is not installed
 * @param secretFlags           flags whose value must never be shown (API keys, tokens)
 * @param secretEnv             environment variables whose value must never be shown
 * @param apiKeyEnv             the variable the engine reads its API key from, or null when it takes it only as a flag
 * @param apiKeyFlag            the flag that gives the engine its API key
 * @param multiNode             how it runs over several identical nodes
 */
public record EngineProfile(Backend backend, String displayName, List<String> program, String modelFlag,
                            Map<EngineSetting, List<String>> settings, double defaultMemoryFraction,
                            Serving serving, Map<String, String> launchEnv,
                            String flagDumpScript, String missingHint, List<String> secretFlags,
                            List<String> secretEnv, String apiKeyEnv, String apiKeyFlag, MultiNode multiNode) {

    /**
     * Where a running engine answers.
     *
     * @param healthPath  200 once the model is loaded
     * @param modelsPath  the OpenAI model list, naming what is served
     * @param metricsPath Prometheus metrics
     * @param metricsFlag the switch that turns metrics on, or null when they are always served
     * @param readyLine   what the engine prints once its port is open
     * @param series      the series of its metrics that `status` summarises
     */
    public record Serving(String healthPath, String modelsPath, String metricsPath, String metricsFlag,
                          String readyLine, EngineSeries series) {
    }

    /**
     * How the engine runs one model over several identical nodes (see {@link NodeSpanning}).
     *
     * @param tensorAcrossNodes true when tensor parallelism spans every GPU of every node (SGLang's launcher); false
     *                          when it stays inside a node and each node is one pipeline stage (vLLM's guide)
     * @param groupFlag         the flag every rank gets with the group's size: the pipeline-parallel size when tensor
     *                          parallelism stays inside a node (vLLM: one stage per node), else the node count
     *                          (SGLang)
     * @param ownedFlags        flags a multi-node plan sets itself; a recipe's values for them are dropped
     * @param nativeRuntime     the engine's own multi-node launcher
     * @param nativeSince       the flag whose presence in a version's catalog says that launcher exists (older
     *                          versions run on Ray); null when every version has it
     */
    public record MultiNode(boolean tensorAcrossNodes, String groupFlag, List<String> ownedFlags,
                            NodeSpanning.Runtime nativeRuntime, String nativeSince) {
        public MultiNode {
            ownedFlags = List.copyOf(ownedFlags);
        }
    }

    public EngineProfile {
        program = List.copyOf(program);
        settings = java.util.Collections.unmodifiableMap(new EnumMap<>(settings));
        launchEnv = Map.copyOf(launchEnv);
        secretFlags = List.copyOf(secretFlags);
        secretEnv = List.copyOf(secretEnv);
        for (EngineSetting s : EngineSetting.values()) {
            if (settings.getOrDefault(s, List.of()).isEmpty()) {
                throw new IllegalArgumentException(backend + " profile names no flag for " + s);
            }
        }
    }

    /** Every spelling the engine accepts for a setting. */
    public List<String> names(EngineSetting setting) {
        return settings.get(setting);
    }

    /** The spelling aim-engine writes. */
    public String flag(EngineSetting setting) {
        return settings.get(setting).get(0);
    }

    /** The setting a flag sets, in any of its spellings ('_' and '-' alike). */
    public Optional<EngineSetting> setting(String flag) {
        for (Map.Entry<EngineSetting, List<String>> e : settings.entrySet()) {
            if (e.getValue().stream().anyMatch(n -> n.equals(flag) || EngineFlags.sameFlag(n, flag))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Whether aim-engine writes this flag itself (model, tensor parallelism, port, host). */
    public boolean isSystemFlag(String flag) {
        return setting(flag).filter(EngineSetting::ownedByAimEngine).isPresent();
    }

    /** The start of the command: the program and the checkpoint it serves. */
    public List<String> launch(String checkpoint) {
        List<String> argv = new ArrayList<>(program);
        if (modelFlag != null) {
            argv.add(modelFlag);
        }
        argv.add(checkpoint);
        return argv;
    }

    /** The Python package the engine runs from, when it is started as {@code python3 -m PACKAGE.module}. */
    public Optional<String> pythonModule() {
        return program.size() > 2 && program.get(1).equals("-m") ? Optional.of(program.get(2).split("\\.")[0])
                : Optional.empty();
    }

    public boolean isSecretFlag(String flag) {
        return secretFlags.stream().anyMatch(s -> EngineFlags.sameFlag(s, flag));
    }
}
