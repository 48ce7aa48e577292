package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.launch.HealthCheck;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.StateDir;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine status`: the active run (from its state file, checked against the live process) and its health. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the active 'aim-engine run' of this container: its engine, model, endpoint and health.",
                "Exit codes: 0 active and healthy, 1 not running, stale state file, or not healthy (yet)."})
public final class StatusCommand extends BaseCommand {

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() throws Exception {
        RunStateFile file = new RunStateFile(StateDir.resolve(context()));
        Optional<RunState> state = file.read();
        boolean live = state.isPresent() && RunStateFile.isLive(state.get());
        Optional<List<String>> models = live
                ? new HealthCheck(Duration.ofSeconds(2)).check(URI.create(state.get().endpoint())) : Optional.empty();
        String status = state.isEmpty() ? "none" : live ? "active" : "stale";
        if (output.json()) {
            // Made here, not in a static field: registering this command for the usage must not start Jackson.
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode n = json.createObjectNode();
            n.put("status", status);
            n.put("stateFile", file.path().toString());
            state.ifPresent(s -> n.putPOJO("run", s));
            n.put("healthy", models.isPresent());
            n.putPOJO("models", models.orElse(List.of()));
            out().println(json.writeValueAsString(n));
        } else if (state.isEmpty()) {
            out().println("not running: no aim-engine run is active (no state file at " + file.path() + ")");
        } else if (!live) {
            RunState s = state.get();
            out().println("not running: the state file " + file.path() + " names aim-engine pid " + s.pid()
                    + " (started " + s.started() + "), which is gone; the run did not end cleanly");
        } else {
            text(state.get(), models);
        }
        out().flush();
        return live && models.isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void text(RunState s, Optional<List<String>> models) {
        out().println("aim-engine run: active (pid " + s.pid() + ", since " + s.started() + ", up "
                + uptime(s.started()) + ")");
        out().println("  phase     " + s.phase());
        out().println("  model     " + s.model() + " (recipe " + s.recipe() + ", " + s.backend() + ")");
        out().println("  engine    pid " + s.enginePid() + ", process group " + s.processGroup() + ", "
                + s.restarts() + " restart(s)");
        out().println("  endpoint  " + s.endpoint() + "/v1: " + models.map(m -> "healthy, serves "
                + (m.isEmpty() ? "(no model listed)" : String.join(", ", m))).orElse("not healthy"));
        out().println("  log       " + s.logFile());
    }

    private static String uptime(String started) {
        try {
            Duration d = Duration.between(Instant.parse(started), Instant.now());
            return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                    : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
