package aimengine.cli.base;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands take from the outside world, passed in so that tests can swap it: the environment variables,
 * the home folder and the working directory.
 */
public record CliContext(Map<String, String> env, Path home, Path workingDirectory) {

    public CliContext {
        env = Map.copyOf(env);
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
