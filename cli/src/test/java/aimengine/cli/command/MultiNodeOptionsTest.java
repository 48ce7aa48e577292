package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-node options of run, and what run says when a plan spans nodes but no rank was given. */
class MultiNodeOptionsTest {
    private static final String[] PLAN = {"meta-llama/Llama-3.1-405B-Instruct", "--precision", "bf16",
            "--host", "../examples/hosts/h100-8x2.yaml", "--recipes", "src/test/resources/scenarios/multinode/recipes"};

    @TempDir
    Path home;

    private CliRunner.Result run(String... extra) {
        String[] args = new String[1 + PLAN.length + extra.length];
        args[0] = "run";
        System.arraycopy(PLAN, 0, args, 1, PLAN.length);
        System.arraycopy(extra, 0, args, 1 + PLAN.length, extra.length);
        return new CliRunner(home).env("AIM_STATE_DIR", home.resolve("state").toString()).run(args);
    }

    @Test
    void aPlanThatSpansNodesNeedsARankOnEachMachine() {
        CliRunner.Result r = run("--dry-run", "--engine-version", "v0.19.0");
        assertEquals(2, r.exit(), r.transcript());
        assertTrue(r.err().contains("the plan spans 2 nodes: run 'aim-engine run' on each of the 2 machines with"
                + " --nodes 2 --node-rank R (0..1) --leader-address HOST of rank 0"), r.err());
    }

    @Test
    void aRankNeedsNodesRankAndLeaderTogether() {
        CliRunner.Result r = run("--node-rank", "1", "--nodes", "2");
        assertEquals(2, r.exit(), r.transcript());
        assertTrue(r.err().contains("--node-rank, --leader-address") || r.err().contains("--leader-address HOST[:PORT] together"),
                r.err());
    }

    @Test
    void theRankMustBeInTheGroup() {
        CliRunner.Result r = run("--node-rank", "2", "--nodes", "2", "--leader-address", "10.0.0.1");
        assertEquals(2, r.exit(), r.transcript());
        assertTrue(r.err().contains("2: must be between 0 and 1 (--nodes 2)"), r.err());
    }

    @Test
    void theLeaderAddressIsHostAndOptionalPort() {
        CliRunner.Result r = run("--node-rank", "1", "--nodes", "2", "--leader-address", "10.0.0.1:http");
        assertEquals(2, r.exit(), r.transcript());
        assertTrue(r.err().contains("'10.0.0.1:http': expected HOST or HOST:PORT"), r.err());
    }
}
