package aimengine.cli;

import aimengine.cli.base.CliContext;
import aimengine.cli.command.AimEngineCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Entry point. {@link #run} is the testable form: arguments, environment and streams are passed in. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // The working directory stays relative so that messages name files the way the user wrote them.
        CliContext context = new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), Path.of(""));
        System.exit(run(context, out, err, args));
    }

    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        return AimEngineCommand.commandLine(context, out, err, args).execute(args);
    }

    /** Convenience for tests and tools that run with the real environment. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(new CliContext(env, Path.of(System.getProperty("user.home")), Path.of("")), out, err, args);
    }
}
