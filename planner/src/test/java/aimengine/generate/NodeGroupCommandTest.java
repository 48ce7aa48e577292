package aimengine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.engine.Backend;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagCatalogs;
import aimengine.engine.NodeSpanning;
import aimengine.engine.NodeSpanning.Runtime;
import aimengine.facts.NodeSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeGroupCommandTest {
    private static final FlagCatalogs CATALOGS = FlagCatalogs.builtin();
    private static final EngineCommand VLLM_ONE_NODE = new EngineCommand(Backend.VLLM, List.of("vllm", "serve", "m",
            "--tensor-parallel-size", "8", "--port", "8000", "--host", "0.0.0.0", "--distributed-executor-backend", "mp",
            "--dtype", "bfloat16"), Map.of("A", "1"));
    private static final EngineCommand SGLANG_ONE_NODE = new EngineCommand(Backend.SGLANG, List.of("python3", "-m",
            "sglang.launch_server", "--model-path", "m", "--tp-size", "8", "--port", "8000", "--host", "0.0.0.0",
            "--context-length", "32768"), Map.of());

    private static NodeSpan span(Backend b, int nodes) {
        NodeSpanning.Parallelism p = NodeSpanning.parallelism(b, 8, nodes);
        return new NodeSpan("k", "k1", nodes, 8, p.tensor(), p.pipeline());
    }

    @Test
    void vllmKeepsTensorParallelPerNodeAndAddsOneStagePerNodeDroppingTheRecipesExecutor() {
        EngineCommand group = NodeGroupCommand.forGroup(VLLM_ONE_NODE, Backend.VLLM, span(Backend.VLLM, 2));
        assertEquals(List.of("vllm", "serve", "m", "--tensor-parallel-size", "8", "--pipeline-parallel-size", "2",
                "--port", "8000", "--host", "0.0.0.0", "--dtype", "bfloat16"), group.argv());
        assertEquals(Map.of("A", "1"), group.env());
    }

    @Test
    void sglangShardsOverEveryGpuOfEveryNode() {
        EngineCommand group = NodeGroupCommand.forGroup(SGLANG_ONE_NODE, Backend.SGLANG, span(Backend.SGLANG, 2));
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--model-path", "m", "--tp-size", "16",
                "--nnodes", "2", "--port", "8000", "--host", "0.0.0.0", "--context-length", "32768"), group.argv());
    }

    @Test
    void theRuntimeFollowsTheVersionsFlags() {
        assertEquals(Runtime.RAY, NodeSpanning.runtime(CATALOGS.version(Backend.VLLM, "v0.11").orElseThrow()));
        assertEquals(Runtime.NATIVE_VLLM, NodeSpanning.runtime(CATALOGS.version(Backend.VLLM, "v0.16.0").orElseThrow()));
        assertEquals(Runtime.NATIVE_SGLANG, NodeSpanning.runtime(CATALOGS.newest(Backend.SGLANG)));
    }

    @Test
    void rankCommandsReachTheLeader() {
        EngineCommand vllm = NodeGroupCommand.forGroup(VLLM_ONE_NODE, Backend.VLLM, span(Backend.VLLM, 2));
        assertEquals(List.of("--distributed-executor-backend", "ray"),
                tail(NodeGroupCommand.forRank(vllm, Runtime.RAY, 2, 0, "10.0.0.1", 6379), vllm));
        assertEquals(List.of("--nnodes", "2", "--node-rank", "1", "--master-addr", "10.0.0.1", "--master-port", "29501",
                "--headless"), tail(NodeGroupCommand.forRank(vllm, Runtime.NATIVE_VLLM, 2, 1, "10.0.0.1", 29501), vllm));
        EngineCommand sglang = NodeGroupCommand.forGroup(SGLANG_ONE_NODE, Backend.SGLANG, span(Backend.SGLANG, 2));
        assertEquals(List.of("--node-rank", "1", "--dist-init-addr", "10.0.0.1:5000"),
                tail(NodeGroupCommand.forRank(sglang, Runtime.NATIVE_SGLANG, 2, 1, "10.0.0.1", 5000), sglang));
    }

    /** Every flag a rank's command carries exists in the flag catalog of an engine version that runs it. */
    @Test
    void everyGeneratedFlagIsInTheEnginesCatalog() {
        EngineCommand vllm = NodeGroupCommand.forGroup(VLLM_ONE_NODE, Backend.VLLM, span(Backend.VLLM, 2));
        EngineCommand sglang = NodeGroupCommand.forGroup(SGLANG_ONE_NODE, Backend.SGLANG, span(Backend.SGLANG, 2));
        for (int rank = 0; rank < 2; rank++) {
            known(CATALOGS.version(Backend.VLLM, "v0.11").orElseThrow(),
                    NodeGroupCommand.forRank(vllm, Runtime.RAY, 2, rank, "h", 6379));
            known(CATALOGS.newest(Backend.VLLM), NodeGroupCommand.forRank(vllm, Runtime.NATIVE_VLLM, 2, rank, "h", 29501));
            known(CATALOGS.newest(Backend.SGLANG),
                    NodeGroupCommand.forRank(sglang, Runtime.NATIVE_SGLANG, 2, rank, "h", 5000));
        }
    }

    private static void known(FlagCatalog catalog, EngineCommand command) {
        command.argv().stream().filter(a -> a.startsWith("--"))
                .forEach(f -> assertTrue(catalog.find(f).isPresent(), f + " is not a " + catalog.label() + " flag"));
    }

    private static List<String> tail(EngineCommand rank, EngineCommand group) {
        return rank.argv().subList(group.argv().size(), rank.argv().size());
    }
}
