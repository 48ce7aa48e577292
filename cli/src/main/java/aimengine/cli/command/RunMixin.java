package aimengine.cli.command;

import aimengine.cli.launch.EventLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of run and launch beyond planning: where the engine listens, how it is awaited and supervised. */
public final class RunMixin {
    @Mixin
    PortMixin port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "Address the engine listens on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics at /metrics on this port (aim-engine's own and the engine's), bound like --bind; 0 turns it off (default: AIM_METRICS_PORT, else 8002).")
    Integer metricsPort;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long the engine may take to become healthy (default: DEFAULT_TIMEOUT, else 600).")
    Integer timeout;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "3", description = "Restarts of an engine that dies after it served, before giving up (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30", description = "Between SIGTERM and SIGKILL when stopping the engine (default: ${DEFAULT-VALUE}).")
    int grace;

    @Option(names = "--log-file", paramLabel = "FILE", description = "The engine's output (default: engine.log in the state folder, AIM_STATE_DIR or ~/.cache/aim-engine/run).")
    Path logFile;

    @Option(names = "--offline", description = "Refuse to start a model that is not completely in the cache, and tell the engine not to download (HF_HUB_OFFLINE=1).")
    boolean offline;

    @Option(names = "--dry-run", description = "Stop after generating the command: print it, its environment and the launch graph.")
    boolean dryRun;

    @Option(names = "--engine-arg", paramLabel = "KEY=VALUE", description = "Set an engine flag over the recipe's (repeatable; also AIM_ENGINE_ARGS as a JSON object). true or nothing passes a switch, false leaves it out.")
    List<String> engineArgs = new ArrayList<>();


    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text", description = "Progress and engine output as text or json (one object per event); default: ${DEFAULT-VALUE}.")
    EventLog.Format logFormat;
}
