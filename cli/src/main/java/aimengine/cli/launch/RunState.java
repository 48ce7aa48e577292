package aimengine.cli.launch;

import java.util.List;

/**
 * What a running {@code aim-engine run} tells other shells (status, logs, stop) through its state file.
 *
 * @param pid          aim-engine's own PID
 * @param pidStarted   when that process started, to tell it from a later process given the same PID
 * @param enginePid    the engine's PID (the current one, after restarts)
 * @param processGroup the engine's process group
 * @param port         the port the engine listens on
 * @param bind         the address it binds
 * @param endpoint     where health checks go, e.g. http://127.0.0.1:8000
 * @param model        the model asked for
 * @param recipe       the recipe chosen
 * @param backend      vllm or sglang
 * @param started      when the run started (ISO-8601)
 * @param restarts     restarts so far
 * @param phase        starting, serving, restarting or stopping
 * @param logFile      the engine's log file
 * @param graceSeconds between SIGTERM and SIGKILL when stopping
 * @param argv         the engine's command
 */
public record RunState(long pid, String pidStarted, long enginePid, long processGroup, int port, String bind,
                       String endpoint, String model, String recipe, String backend, String started, int restarts,
                       String phase, String logFile, long graceSeconds, List<String> argv) {

    public RunState {
        argv = argv == null ? List.of() : List.copyOf(argv);
    }
}
