package aimengine.cli.base;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands take from the outside world, passed in so that tests can swap it: the environment variables,
 * the home folder and the working directory; and the rule base when it was started before the command line was parsed
 * (see {@link #withEarlyRules}).
 *
 * @param earlyRules the rule base already building, or null
 */
public record CliContext(Map<String, String> env, Path home, Path workingDirectory, EarlyRuleBase earlyRules) {

    public CliContext {
        env = Map.copyOf(env);
    }

    public CliContext(Map<String, String> env, Path home, Path workingDirectory) {
        this(env, home, workingDirectory, null);
    }

    /**
     * The same context with the rule base started early: building it takes a cold JVM about as long as picocli takes
     * to start, so a command that will plan starts it first and the two overlap.
     */
    public CliContext withEarlyRules(EarlyRuleBase rules) {
        return new CliContext(env, home, workingDirectory, rules);
    }

    public String env(String name) {
        return env.get(name);
    }

    public String env(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public boolean debug() {
        String v = env.get("AIM_DEBUG");
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
