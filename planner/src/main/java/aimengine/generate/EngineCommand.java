package aimengine.generate;

import aimengine.engine.Backend;
import aimengine.engine.EngineProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's process: an argv list (never a shell string) and the environment to add, and the secret values in
 * them (an API key, a Hugging Face token). Only {@link #argv()} and {@link #env()} of this command itself may reach
 * the engine; everything that prints, logs or stores it uses {@link #shown()}.
 *
 * @param backend the engine it starts
 * @param argv    the program and its arguments, e.g. ["vllm", "serve", "Qwen/Qwen3-32B", "--tensor-parallel-size", "1"]
 * @param env     variables to set on top of the inherited environment, in a stable order
 * @param secrets values never to show, wherever they appear (also inside other text, such as the engine's output)
 */
public record EngineCommand(Backend backend, List<String> argv, Map<String, String> env, Set<String> secrets) {
    /** What a secret value is shown as. */
    public static final String MASK = "***";

    public EngineCommand {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secrets = Collections.unmodifiableSet(new LinkedHashSet<>(secrets));
    }

    public EngineCommand(Backend backend, List<String> argv, Map<String, String> env) {
        this(backend, argv, env, Set.of());
    }

    /** The same command with one more environment variable (set last, so it wins). */
    public EngineCommand withEnv(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, value);
        return new EngineCommand(backend, argv, more, secrets);
    }

    /** One more environment variable whose value is a secret. */
    public EngineCommand withSecretEnv(String name, String value) {
        return withEnv(name, value).withSecret(value);
    }

    /** One more flag whose value is a secret (for an engine that takes it only on its command line). */
    public EngineCommand withSecretArg(String flag, String value) {
        List<String> more = new ArrayList<>(argv);
        more.add(flag);
        more.add(value);
        return new EngineCommand(backend, more, env, secrets).withSecret(value);
    }

    /** The same command, with this value masked wherever it is shown; a null or empty value changes nothing. */
    public EngineCommand withSecret(String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        Set<String> more = new LinkedHashSet<>(secrets);
        more.add(value);
        return new EngineCommand(backend, argv, env, more);
    }

    /**
     * The command as it may be shown (printed, logged, written to a state file): the values of the engine's secret
     * flags ({@code --api-key KEY}, {@code --api-key=KEY}) and secret environment variables, and every known secret
     * value wherever it appears, replaced by {@value MASK}.
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
                args.add(mask(a));
                maskNext = a.startsWith("-") && profile.isSecretFlag(a);
            }
        }
        Map<String, String> shownEnv = new LinkedHashMap<>();
        env.forEach((k, v) -> shownEnv.put(k, profile.secretEnv().contains(k) ? MASK : mask(v)));
        return new EngineCommand(backend, args, shownEnv);
    }

    /** Any text (a line the engine prints, a message) with the known secret values masked. */
    public String mask(String text) {
        String masked = text;
        for (String s : secrets) {
            masked = masked.replace(s, MASK);
        }
        return masked;
    }

    /** Never the secrets, even by accident (a debug print, an exception message). */
    @Override
    public String toString() {
        EngineCommand s = shown();
        return "EngineCommand[backend=" + backend + ", argv=" + s.argv + ", env=" + s.env + "]";
    }
}
