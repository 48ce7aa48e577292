package aimengine.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LaunchGraphTest {
    private static FakeStep step(String name, String... needs) {
        return new FakeStep(name, List.of(needs).stream().<ResultKey<?>>map(FakeStep::key).toList(), null);
    }

    private static FakeStep failing(String name, String message, String... needs) {
        return new FakeStep(name, List.of(needs).stream().<ResultKey<?>>map(FakeStep::key).toList(), message);
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }

    @Test
    void edgesFollowTheResultsAndTheOrderIsTopological() {
        LaunchGraph g = LaunchGraph.of(List.of(step("c", "a", "b"), step("b", "a"), step("a")));
        assertEquals(List.of("a", "b", "c"), names(g.order()));
        assertEquals(3, g.graph().edgeSet().size());
        assertEquals(List.of("a", "b"), names(g.needed(g.step("c"))));
    }

    @Test
    void upToKeepsAStepAndWhatItNeeds() {
        LaunchGraph g = LaunchGraph.of(List.of(step("a"), step("b", "a"), step("c", "b"), step("d", "a")));
        assertEquals(List.of("a", "b"), names(g.upTo("b").order()));
    }

    @Test
    void badShapesAreRefused() {
        assertEquals("step b needs x-out, which no step gives",
                assertThrows(IllegalArgumentException.class, () -> LaunchGraph.of(List.of(step("b", "x")))).getMessage());
        assertEquals("steps a and a both give a-out",
                assertThrows(IllegalArgumentException.class, () -> LaunchGraph.of(List.of(step("a"), step("a")))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchGraph.of(List.of(step("a", "b"), step("b", "a"))));
    }

    @Test
    void theExecutorSkipsWhatDependsOnAFailureAndRunsTheRest() {
        LaunchGraph g = LaunchGraph.of(List.of(step("a"), failing("b", "b broke", "a"), step("c", "b"), step("d", "c"),
                step("e", "a")));
        AtomicLong clock = new AtomicLong();
        List<String> events = new ArrayList<>();
        StepReport report = new StepExecutor(() -> clock.addAndGet(1_000_000), new StepExecutor.Listener() {
            @Override
            public void started(Step step) {
                events.add("start " + step.name());
            }

            @Override
            public void finished(StepRecord r) {
                events.add(r.step() + " " + r.status().key());
            }
        }).run(g, new StepResults());
        assertEquals(List.of(
                new StepRecord("a", StepRecord.Status.OK, Duration.ofMillis(1), "after"),
                new StepRecord("b", StepRecord.Status.FAILED, Duration.ofMillis(1), "b broke"),
                new StepRecord("c", StepRecord.Status.SKIPPED, Duration.ZERO, "needs b"),
                new StepRecord("d", StepRecord.Status.SKIPPED, Duration.ZERO, "needs c"),
                new StepRecord("e", StepRecord.Status.OK, Duration.ofMillis(1), "after a")), report.steps());
        assertEquals("b broke", report.failure().getMessage());
        assertEquals(List.of("start a", "a ok", "start b", "b failed", "c skipped", "d skipped", "start e", "e ok"), events);
    }

    @Test
    void aStepEndedBySignalIsStopped() {
        Step stopped = new Step() {
            @Override
            public String name() {
                return "wait";
            }

            @Override
            public List<ResultKey<?>> needs() {
                return List.of();
            }

            @Override
            public ResultKey<?> gives() {
                return FakeStep.key("wait");
            }

            @Override
            public String run(StepResults results) {
                throw new ExitException(ExitCodes.TERMINATED, "stopped by SIGTERM");
            }
        };
        StepReport report = new StepExecutor(System::nanoTime, new StepExecutor.Listener() { })
                .run(LaunchGraph.of(List.of(stopped)), new StepResults());
        assertEquals(StepRecord.Status.STOPPED, report.steps().get(0).status());
    }
}
