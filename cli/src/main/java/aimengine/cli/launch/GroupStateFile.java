package aimengine.cli.launch;

import aimengine.engine.NodeSpanning;
import aimengine.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * group.json next to the run's state file: the ranks the leader sees (written atomically while the group runs,
 * removed when it ends), so that `aim-engine status` on the leader can list them.
 */
public final class GroupStateFile {
    private final Path path;
    private final String endpoint;

    /** @param endpoint where the leader's API answers */
    public GroupStateFile(Path stateDir, String endpoint) {
        this.path = stateDir.resolve("group.json");
        this.endpoint = endpoint;
    }

    public Path path() {
        return path;
    }

    /** Best effort: a group that cannot record its ranks still serves. */
    public void write(GroupRole role, NodeSpanning.Runtime runtime, String leaderAddress, Map<Integer, String> workers) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode n = json.createObjectNode();
        n.put("pid", ProcessHandle.current().pid());
        n.put("nodes", role.nodes());
        n.put("runtime", runtime.key());
        n.put("endpoint", endpoint);
        ObjectNode ranks = n.putObject("ranks");
        ranks.put("0", leaderAddress);
        workers.forEach((rank, address) -> ranks.put(String.valueOf(rank), address));
        try {
            Files.createDirectories(path.getParent());
            AtomicFile.write(path, json.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
        } catch (IOException e) {
            // status then shows no ranks; the group itself is unaffected
        }
    }

    public Optional<JsonNode> read() {
        try {
            // no file, no Jackson: a plain status of a one-node run stays as light as before
            return Files.exists(path) ? Optional.of(new ObjectMapper().readTree(path.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stale group.json is recognised by its pid
        }
    }
}
