package aimengine.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's process: an argv list (never a shell string) and the environment to add, and which values in them
 * are secrets (an API key, a Hugging Face token). The process gets the real values; everything that shows or stores
 * the command (plan, config, dry run, logs, events, state file) uses {@link #shownArgv()} and {@link #shownEnv()},
 * where each secret reads {@value #MASK}.
 *
 * @param argv    the program and its arguments, e.g. ["vllm", "serve", "Qwen/Qwen3-32B", "--tensor-parallel-size", "1"]
 * @param env     variables to set on top of the inherited environment, in a stable order
 * @param secrets values never to show
 */
public record EngineCommand(List<String> argv, Map<String, String> env, Set<String> secrets) {
    public static final String MASK = "****";
    /** Variables whose values are secrets whatever set them (a recipe, an override, aim-engine). */
    private static final Set<String> SECRET_VARIABLES = Set.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "VLLM_API_KEY",
            "AIM_API_KEY");

    public EngineCommand {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secrets = Collections.unmodifiableSet(new LinkedHashSet<>(secrets));
    }

    public EngineCommand(List<String> argv, Map<String, String> env) {
        this(argv, env, Set.of());
    }

    /** The same command with one more environment variable (set last, so it wins). */
    public EngineCommand withEnv(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, value);
        return new EngineCommand(argv, more, secrets);
    }

    /** One more environment variable whose value is a secret. */
    public EngineCommand withSecretEnv(String name, String value) {
        return withEnv(name, value).withSecret(value);
    }

    /** One more flag whose value is a secret (an engine that takes it only on its command line). */
    public EngineCommand withSecretArg(String flag, String value) {
        List<String> more = new ArrayList<>(argv);
        more.add(flag);
        more.add(value);
        return new EngineCommand(more, env, secrets).withSecret(value);
    }

    /** The same command, with this value masked wherever it is shown. */
    public EngineCommand withSecret(String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        Set<String> more = new LinkedHashSet<>(secrets);
        more.add(value);
        return new EngineCommand(argv, env, more);
    }

    /** The argv to show or store: every secret masked, also inside an argument (--api-key=VALUE). */
    public List<String> shownArgv() {
        return argv.stream().map(this::mask).toList();
    }

    /** The environment to show or store: secret values and the values of secret variables masked. */
    public Map<String, String> shownEnv() {
        Map<String, String> shown = new LinkedHashMap<>();
        env.forEach((k, v) -> shown.put(k, SECRET_VARIABLES.contains(k) ? MASK : mask(v)));
        return Collections.unmodifiableMap(shown);
    }

    /** Any text (an engine's log line, an error) with the secrets masked. */
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
        return "EngineCommand[argv=" + shownArgv() + ", env=" + shownEnv() + "]";
    }
}
