package aimengine.cli.command;

import aimengine.cli.base.CliContext;
import aimengine.cli.launch.LaunchGraph;
import aimengine.cli.render.GraphRenderer;
import java.nio.file.Path;
import java.util.Map;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launch DAG of `run`, as `plan --graph dot|mermaid` prints it. */
class LaunchGraphRenderTest {
    private final LaunchGraph graph = LaunchGraphFactory.preview(new CliContext(Map.of(), Path.of("/nonexistent"), Path.of("")),
            CommandLine.populateCommand(new PlanMixin(), "some/model"));

    @Test
    void dot() {
        Approvals.verify(GraphRenderer.render(graph, GraphRenderer.Format.dot));
    }

    @Test
    void mermaid() {
        Approvals.verify(GraphRenderer.render(graph, GraphRenderer.Format.mermaid));
    }
}
