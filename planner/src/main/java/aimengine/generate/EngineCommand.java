package aimengine.generate;

import aimengine.engine.Backend;
import aimengine.engine.EngineProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's process: an argv list (never a shell string) and the environment to add.
 *
 * @param backend the engine it starts
 * @param argv    the program and its arguments, e.g. ["vllm", "serve", "Qwen/Qwen3-32B", "--tensor-parallel-size", "1"]
 * @param env     variables to set on top of the inherited environment, in a stable order
 */
public record EngineCommand(Backend backend, List<String> argv, Map<String, String> env) {
    /** What a secret value is shown as. */
    public static final String MASK = "***";

    public EngineCommand {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** The same command with one more environment variable (set last, so it wins). */
    public EngineCommand withEnv(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, value);
        return new EngineCommand(backend, argv, more);
    }

    /**
     * The command as it may be shown (printed, logged, written to a state file): the values of the engine's secret
     * flags ({@code --api-key KEY}, {@code --api-key=KEY}) and secret environment variables replaced by {@value MASK}.
     * Only {@link #argv()} and {@link #env()} of this command itself may reach the engine.
     */
    public EngineCommand shown() {
        EngineProfile profile = backend.profile();
        List<String> args = new ArrayList<>(argv.size());
        boolean maskNext = false;
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (maskNext) {
                args.add(MASK);
                maskNext = false;
            } else if (a.startsWith("-") && eq > 0 && profile.isSecretFlag(a.substring(0, eq))) {
                args.add(a.substring(0, eq + 1) + MASK);
            } else {
                args.add(a);
                maskNext = a.startsWith("-") && profile.isSecretFlag(a);
            }
        }
        Map<String, String> shownEnv = new LinkedHashMap<>();
        env.forEach((k, v) -> shownEnv.put(k, profile.secretEnv().contains(k) ? MASK : v));
        return new EngineCommand(backend, args, shownEnv);
    }
}
