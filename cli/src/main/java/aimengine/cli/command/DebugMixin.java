package aimengine.cli.command;

import picocli.CommandLine.Option;

/** --debug: stack traces for errors, on every command. */
public final class DebugMixin {
    @Option(names = "--debug", description = "Print stack traces and internal detail on errors (also AIM_DEBUG=1).")
    boolean debug;
}
