package aimengine.cli.command;

import aimengine.cli.CliRunner;
import java.nio.file.Path;

/** Runs the CLI in-process with an empty environment, from the module folder, and captures what it printed. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        CliRunner.Result r = new CliRunner(Path.of("target/test-home").toAbsolutePath()).run(args);
        return new CommandRun(r.exit(), r.out(), r.err());
    }

    String all() {
        return out + err;
    }
}
