package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.launch.EngineSecrets;
import aimengine.cli.launch.GroupStateFile;
import aimengine.cli.launch.HealthCheck;
import aimengine.cli.render.PrettyJson;
import com.fasterxml.jackson.databind.JsonNode;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.base.AimPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import aimengine.cli.metrics.LiveSnapshot;
import aimengine.cli.metrics.RunObservability;
import aimengine.cli.render.LiveText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine status`: the active run (from its state file, checked against the live process) and its health. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the active 'aim-engine run' of this container: its engine, model, endpoint and health,"
                        + " the engine's CPU and memory, each GPU, and the engine's requests, KV cache, time to first"
                        + " token and tokens/s over the last minute (as the run last measured them, every 10 s).",
                "Exit codes: 0 active and healthy, 1 not running, stale state file, or not healthy (yet)."})
public final class StatusCommand extends BaseCommand {

    @Mixin
    OutputMixin output;

    /** The key an engine protected by AIM_API_KEY_FILE or AIM_API_KEY requires (this shell's environment). */
    private String apiKey() {
        return EngineSecrets.from(null, context().env(), context().workingDirectory()).apiKey();
    }

    @Override
    protected int execute() throws Exception {
        Path stateDir = AimPaths.of(context()).state();
        Optional<JsonNode> group = new GroupStateFile(stateDir, null).read()
                .filter(g -> ProcessHandle.of(g.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false));
        if (group.isPresent()) {
            return groupStatus(group.get());
        }
        RunStateFile file = new RunStateFile(stateDir);
        Optional<RunState> state = file.read();
        boolean live = state.isPresent() && RunStateFile.isLive(state.get());
        Optional<LiveSnapshot> measured = live ? snapshot(stateDir.resolve(RunObservability.SNAPSHOT_FILE)) : Optional.empty();
        Optional<List<String>> models = live
                ? new HealthCheck(Duration.ofSeconds(2), apiKey()).check(URI.create(state.get().endpoint()))
                : Optional.empty();
        String status = state.isEmpty() ? "none" : live ? "active" : "stale";
        if (output.json()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("status", status);
            n.put("stateFile", file.path().toString());
            state.ifPresent(s -> n.putPOJO("run", s));
            n.put("healthy", models.isPresent());
            n.putPOJO("models", models.orElse(List.of()));
            if (live) {
                since(state.get().started()).ifPresent(d -> n.put("uptimeSeconds", d.toSeconds()));
            }
            measured.ifPresent(m -> n.putPOJO("live", m));
            out().print(PrettyJson.of(n));
        } else if (state.isEmpty()) {
            out().println("not running: no aim-engine run is active (no state file at " + file.path() + ")");
        } else if (!live) {
            RunState s = state.get();
            out().println("not running: the state file " + file.path() + " names aim-engine pid " + s.pid()
                    + " (started " + s.started() + "), which is gone; the run did not end cleanly");
        } else {
            text(state.get(), models);
            measured.ifPresent(m -> LiveText.lines(m, Instant.now()).forEach(out()::println));
        }
        out().flush();
        return live && models.isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The leader of a multi-node group: the ranks it sees and whether its API serves. */
    private int groupStatus(JsonNode g) throws Exception {
        Optional<List<String>> models = new HealthCheck(Duration.ofSeconds(2), apiKey()).check(URI.create(g.path("endpoint").asText()));
        if (output.json()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("status", "active");
            n.set("group", g);
            n.put("healthy", models.isPresent());
            n.putPOJO("models", models.orElse(List.of()));
            out().print(PrettyJson.of(n));
        } else {
            out().println("aim-engine group leader: active (pid " + g.path("pid").asLong() + ", " + g.path("nodes").asInt()
                    + " nodes, " + g.path("runtime").asText() + " runtime)");
            g.path("ranks").fields().forEachRemaining(r -> out().println("  rank " + r.getKey() + "    "
                    + r.getValue().asText() + (r.getKey().equals("0") ? " (leader)" : "")));
            out().println("  endpoint  " + g.path("endpoint").asText() + "/v1: " + models.map(m -> "healthy, serves "
                    + (m.isEmpty() ? "(no model listed)" : String.join(", ", m))).orElse("not healthy"));
        }
        out().flush();
        return models.isPresent() && g.path("ranks").size() == g.path("nodes").asInt() ? ExitCodes.OK : ExitCodes.FAILURE;
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
        return since(started).map(d -> d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s")
                .orElse("?");
    }

    private static Optional<Duration> since(String started) {
        try {
            return Optional.of(Duration.between(Instant.parse(started), Instant.now()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What the run last measured (its process tree, GPUs, engine metrics); empty when it wrote nothing yet. */
    private static Optional<LiveSnapshot> snapshot(Path file) {
        try {
            return Optional.of(new ObjectMapper().readValue(Files.readString(file), LiveSnapshot.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
