package aimengine.cli.render;

import aimengine.cli.launch.LaunchGraph;
import aimengine.cli.launch.Step;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/** The launch DAG as Graphviz DOT, as a Mermaid flowchart, or as plain "a -> b (results)" lines. */
public final class GraphRenderer {
    public enum Format { dot, mermaid, text }

    private GraphRenderer() {
    }

    public static String render(LaunchGraph graph, Format format) {
        return switch (format) {
            case dot -> dot(graph);
            case mermaid -> mermaid(graph);
            case text -> text(graph, "");
        };
    }

    public static String dot(LaunchGraph graph) {
        DOTExporter<Step, LaunchGraph.Edge> exporter = new DOTExporter<>(GraphRenderer::id);
        exporter.setGraphIdProvider(() -> "launch");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            return a;
        });
        exporter.setVertexAttributeProvider(s -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(s.name()));
            a.put("shape", DefaultAttribute.createAttribute("box"));
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(e.label()));
            return a;
        });
        StringWriter w = new StringWriter();
        exporter.exportGraph(ordered(graph), w);
        return w.toString();
    }

    public static String mermaid(LaunchGraph graph) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (Step s : graph.order()) {
            sb.append("  ").append(id(s)).append("[\"").append(s.name()).append("\"]\n");
        }
        for (LaunchGraph.Edge e : edges(graph)) {
            sb.append("  ").append(id(source(graph, e))).append(" -->|").append(e.label()).append("| ")
                    .append(id(target(graph, e))).append('\n');
        }
        return sb.toString();
    }

    /** One line per edge, each prefixed with {@code indent}. */
    public static String text(LaunchGraph graph, String indent) {
        StringBuilder sb = new StringBuilder();
        for (LaunchGraph.Edge e : edges(graph)) {
            sb.append(indent).append(source(graph, e).name()).append(" -> ").append(target(graph, e).name())
                    .append("  (").append(e.label()).append(")\n");
        }
        return sb.toString();
    }

    /** DOT and Mermaid ids: the step name with '-' as '_'. */
    private static String id(Step s) {
        return s.name().replace('-', '_');
    }

    /** A copy whose vertex and edge order follows the steps' order, so that the output is stable. */
    private static DirectedAcyclicGraph<Step, LaunchGraph.Edge> ordered(LaunchGraph graph) {
        DirectedAcyclicGraph<Step, LaunchGraph.Edge> g = new DirectedAcyclicGraph<>(LaunchGraph.Edge.class);
        graph.order().forEach(g::addVertex);
        for (LaunchGraph.Edge e : edges(graph)) {
            g.addEdge(source(graph, e), target(graph, e), e);
        }
        return g;
    }

    private static List<LaunchGraph.Edge> edges(LaunchGraph graph) {
        List<Step> order = graph.order();
        return graph.graph().edgeSet().stream()
                .sorted(Comparator.comparing((LaunchGraph.Edge e) -> order.indexOf(source(graph, e)))
                        .thenComparing(e -> order.indexOf(target(graph, e))))
                .toList();
    }

    private static Step source(LaunchGraph graph, LaunchGraph.Edge e) {
        return graph.graph().getEdgeSource(e);
    }

    private static Step target(LaunchGraph graph, LaunchGraph.Edge e) {
        return graph.graph().getEdgeTarget(e);
    }
}
