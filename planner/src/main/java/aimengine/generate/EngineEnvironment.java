package aimengine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the environment given to an engine. A NUL cannot pass through exec at all, and a newline in a value breaks
 * every tool that reads the environment line by line (/proc/PID/environ dumps, env files, docker --env-file), so
 * both are refused rather than passed on mangled.
 */
public final class EngineEnvironment {
    private EngineEnvironment() {
    }

    /** @return one message per variable that cannot be given to the engine; empty when all can */
    public static List<String> problems(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        env.forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                problems.add("environment variable '" + printable(name) + "' has no valid name (empty, '=' or NUL)");
            } else if (value.indexOf('\0') >= 0) {
                problems.add("environment variable " + name + ": the value contains a NUL character");
            } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                problems.add("environment variable " + name + ": the value contains a line break; give it on one line");
            }
        });
        return problems;
    }

    private static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
