package aimengine.cli;

import aimengine.cli.base.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The one way the tests run the CLI: in-process, with a given home and environment (nothing of the real one), from
 * the module folder, capturing what it prints.
 */
public final class CliRunner {
    /** The project root (tests run in the module folder, cli/). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    public record Result(int exit, String out, String err) {
        /** Output and exit code as one text, for approval files. */
        public String transcript() {
            return out + (err.isEmpty() ? "" : "--- stderr ---\n" + err) + "--- exit " + exit + " ---\n";
        }

        /** Both streams, for assertion messages. */
        public String all() {
            return out + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path home;

    public CliRunner(Path home) {
        this.home = home;
    }

    /** A runner whose home is target/test-home, for commands that read no state. */
    public static CliRunner withTestHome() {
        return new CliRunner(Path.of("target/test-home").toAbsolutePath());
    }

    public CliRunner env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new CliContext(HubOff.unlessAsked(env), home, Path.of("")), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * Step times vary from run to run; approved output shows them as "#.# s", with the table's column gaps
     * (which follow the widest time) collapsed to two spaces.
     */
    public static String scrubTimes(String text) {
        String timed = text.replaceAll("\\b\\d+\\.\\d s\\b", "#.# s")
                .replaceAll("\"durationMs\" : \\d+", "\"durationMs\" : 0");
        return timed.lines().map(l -> {
            String indent = l.substring(0, l.length() - l.stripLeading().length());
            return indent + l.stripLeading().replaceAll(" {2,}", "  ");
        }).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }
}
