package aimengine.generate;

import java.util.List;
import java.util.Map;

/**
 * The engine's process: an argv list (never a shell string) and the environment to add.
 *
 * @param argv the program and its arguments, e.g. ["vllm", "serve", "Qwen/Qwen3-32B", "--tensor-parallel-size", "1"]
 * @param env  variables to set on top of the inherited environment, in a stable order
 */
public record EngineCommand(List<String> argv, Map<String, String> env) {

    public EngineCommand {
        argv = List.copyOf(argv);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }

    /** The same command with one more environment variable (set last, so it wins). */
    public EngineCommand withEnv(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(env);
        more.put(name, value);
        return new EngineCommand(argv, more);
    }
}
