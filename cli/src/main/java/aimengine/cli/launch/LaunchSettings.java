package aimengine.cli.launch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The options of one run that the process steps use.
 *
 * @param bind             address the engine listens on (--bind)
 * @param port             port it listens on (--port)
 * @param timeout          how long it may take to become healthy (--timeout)
 * @param restarts         restarts allowed once it served (--restarts)
 * @param grace            between SIGTERM and SIGKILL (--grace)
 * @param logFile          the engine's output (--log-file)
 * @param env              the environment the engine inherits (aim-engine's own)
 * @param workingDirectory where the engine runs
 */
public record LaunchSettings(String bind, int port, Duration timeout, int restarts, Duration grace, Path logFile,
                             Map<String, String> env, Path workingDirectory, boolean offline) {

    public LaunchSettings {
        env = Map.copyOf(env);
    }

    /** Where health checks go: the bound address, or loopback when the engine binds every address. */
    public URI base() {
        String host = switch (bind) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
        return URI.create("http://" + host + ":" + port);
    }
}
