package aimengine.cli.command;

import picocli.CommandLine.Option;

/** The port the engine listens on, for the commands that start one (run, launch) or write what starts one (deploy). */
public final class PortMixin {
    @Option(names = "--port", paramLabel = "PORT", description = "Port the engine listens on (default: DEFAULT_PORT, else 8000).")
    Integer port;

    /** --port, else the default (DEFAULT_PORT, else 8000). */
    int resolve(PlanSetup setup) {
        return port != null ? port : setup.defaultPort();
    }
}
