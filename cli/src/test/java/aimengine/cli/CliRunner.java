package aimengine.cli;

import aimengine.cli.base.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a given environment and captures what it prints. */
public final class CliRunner {
    /** The project root (tests run in the module folder, cli/). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    public record Result(int exit, String out, String err) {
        /** Output and exit code as one text, for approval files. */
        public String transcript() {
            return out + (err.isEmpty() ? "" : "--- stderr ---\n" + err) + "--- exit " + exit + " ---\n";
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path home;

    public CliRunner(Path home) {
        this.home = home;
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
}
