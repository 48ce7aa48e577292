package aimengine.cli.command;

import aimengine.cli.CliContext;
import aimengine.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process with an empty environment, from the module folder, and captures what it printed. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path cwd = Path.of("").toAbsolutePath();
        int exit = Main.run(new CliContext(Map.of(), cwd.resolve("target/test-home"), cwd),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    String all() {
        return out + err;
    }
}
