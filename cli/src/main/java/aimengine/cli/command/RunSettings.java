package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.cli.launch.EventLog;
import aimengine.cli.launch.LaunchSettings;
import aimengine.io.InputException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The run options and their environment defaults (DEFAULT_PORT, DEFAULT_TIMEOUT, LOG_LEVEL) checked and turned into
 * the settings the launch steps use. A value that cannot work is refused here, naming the flag or variable it came
 * from, before anything starts.
 */
final class RunSettings {
    /** Triton's metrics port: next to the engine's 8000, and known to operators of inference servers. */
    static final int DEFAULT_METRICS_PORT = 8002;
    private RunSettings() {
    }

    static LaunchSettings read(CliContext context, RunMixin run, PlanSetup setup, AimPaths paths) {
        int port = run.port.resolve(setup);
        if (port < 1 || port > 65535) {
            throw new InputException("--port", 0, port + " is not a port number (1-65535)");
        }
        int timeout = run.timeout != null ? run.timeout : defaultTimeout(context);
        if (timeout < 1) {
            // the value came from the variable when the flag was not given: name what the user set
            throw run.timeout != null ? new InputException("--timeout", 0, timeout + ": must be at least 1 second")
                    : new InputException("DEFAULT_TIMEOUT", 0, timeout + ": must be at least 1 second");
        }
        if (run.restarts < 0) {
            throw new InputException("--restarts", 0, run.restarts + ": must be 0 or more");
        }
        if (run.grace < 0) {
            throw new InputException("--grace", 0, run.grace + ": must be 0 or more seconds");
        }
        Path logFile = run.logFile != null ? context.workingDirectory().resolve(run.logFile) : paths.defaultLogFile();
        return new LaunchSettings(BindAddress.check(run.bind), port, Duration.ofSeconds(timeout), run.restarts, Duration.ofSeconds(run.grace),
                logFile, context.env(), context.workingDirectory(), run.offline);
    }

    /** The port of the metrics endpoint: --metrics-port, else AIM_METRICS_PORT, else 8002; 0 is off. */
    static int metricsPort(CliContext context, RunMixin run, LaunchSettings settings) {
        int port;
        String from;
        if (run.metricsPort != null) {
            port = run.metricsPort;
            from = "--metrics-port";
        } else {
            from = "AIM_METRICS_PORT";
            String text = context.env(from, String.valueOf(DEFAULT_METRICS_PORT));
            try {
                port = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new InputException(from, 0, "'" + text + "' is not a port number (0 turns metrics off)");
            }
        }
        if (port < 0 || port > 65535) {
            throw new InputException(from, 0, port + " is not a port number (1-65535, or 0 for off)");
        }
        if (port != 0 && port == settings.port()) {
            throw new InputException(from, 0, port + " is the engine's port; give the metrics a port of their own");
        }
        return port;
    }

    /** --debug, else LOG_LEVEL (default info). */
    static EventLog.Level logLevel(CliContext context, boolean debug) {
        if (debug) {
            return EventLog.Level.DEBUG;
        }
        String text = context.env("LOG_LEVEL", "info");
        EventLog.Level level = EventLog.Level.parse(text);
        if (level == null) {
            throw new InputException("LOG_LEVEL", 0, "'" + text + "' is not one of debug, info, warn, error");
        }
        return level;
    }

    /** DEFAULT_TIMEOUT, else 600 seconds: how long run waits for a healthy engine (deploy's startup floor too). */
    static int defaultTimeout(CliContext context) {
        String t = context.env("DEFAULT_TIMEOUT", "600");
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new InputException("DEFAULT_TIMEOUT", 0, "'" + t + "' is not a whole number of seconds");
        }
    }
}
