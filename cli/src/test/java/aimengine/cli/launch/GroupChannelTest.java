package aimengine.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.base.ExitException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** aim-engine's group channel on loopback: joining, refusals, and a lost member or leader seen by the other side. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupChannelTest {
    private final Wakeup wakeup = new Wakeup();

    @Test
    void nothingToJoinYetMeansTryAgain() {
        int port = StandInEngine.freePort();
        try (GroupMember m = new GroupMember("127.0.0.1", port, 1, 2, wakeup)) {
            assertFalse(m.tryJoin());
        }
    }

    @Test
    void ranksJoinAndALeavingRankIsLost() throws Exception {
        try (GroupLeader leader = new GroupLeader(3, wakeup)) {
            leader.start("127.0.0.1", 0);
            GroupMember one = new GroupMember("127.0.0.1", leader.port(), 1, 3, wakeup);
            GroupMember two = new GroupMember("127.0.0.1", leader.port(), 2, 3, wakeup);
            assertTrue(one.tryJoin());
            assertFalse(leader.allJoined());
            assertTrue(two.tryJoin());
            awaitTrue(leader::allJoined);
            assertEquals(Map.of(1, "127.0.0.1", 2, "127.0.0.1"), leader.ranks());
            two.close();
            awaitTrue(() -> leader.lost().isPresent());
            assertTrue(leader.lost().orElseThrow().startsWith("rank 2 left the group"), leader.lost().orElseThrow());
            assertTrue(one.lost().isEmpty());
            one.close();
        }
    }

    @Test
    void theLeaderRefusesAWrongGroupSizeAndATakenRank() throws Exception {
        try (GroupLeader leader = new GroupLeader(2, wakeup)) {
            leader.start("127.0.0.1", 0);
            GroupMember wrongSize = new GroupMember("127.0.0.1", leader.port(), 1, 3, wakeup);
            ExitException e = assertThrows(ExitException.class, wrongSize::tryJoin);
            assertTrue(e.getMessage().contains("this group has 2 nodes, rank 1 was started with --nodes 3"), e.getMessage());
            try (GroupMember first = new GroupMember("127.0.0.1", leader.port(), 1, 2, wakeup);
                 GroupMember again = new GroupMember("127.0.0.1", leader.port(), 1, 2, wakeup)) {
                assertTrue(first.tryJoin());
                ExitException twice = assertThrows(ExitException.class, again::tryJoin);
                assertTrue(twice.getMessage().contains("rank 1 has already joined"), twice.getMessage());
            }
        }
    }

    @Test
    void membersSeeTheLeaderGo() throws Exception {
        GroupLeader leader = new GroupLeader(2, wakeup);
        leader.start("127.0.0.1", 0);
        try (GroupMember m = new GroupMember("127.0.0.1", leader.port(), 1, 2, wakeup)) {
            assertTrue(m.tryJoin());
            leader.close();
            awaitTrue(() -> m.lost().isPresent());
            assertTrue(m.lost().orElseThrow().contains("closed the group") || m.lost().orElseThrow().contains("broke"),
                    m.lost().orElseThrow());
        }
    }

    private void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            wakeup.sleep(Duration.ofMillis(100));
        }
    }
}
