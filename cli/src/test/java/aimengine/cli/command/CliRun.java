package aimengine.cli.command;

import aimengine.cli.Main;
import aimengine.cli.base.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs aim-engine in this JVM with a given environment and home, capturing what it prints. */
record CliRun(int code, String out, String err) {

    static CliRun of(Map<String, String> env, Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new CliContext(aimengine.cli.HubOff.unlessAsked(env), home, Path.of("")), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Step times vary from run to run; approved output shows them as "#.# s", with the table's column gaps
     * (which follow the widest time) collapsed to two spaces.
     */
    static String scrubTimes(String text) {
        String timed = text.replaceAll("\\b\\d+\\.\\d s\\b", "#.# s")
                .replaceAll("\"durationMs\" : \\d+", "\"durationMs\" : 0");
        return timed.lines().map(l -> {
            String indent = l.substring(0, l.length() - l.stripLeading().length());
            return indent + l.stripLeading().replaceAll(" {2,}", "  ");
        }).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }
}
