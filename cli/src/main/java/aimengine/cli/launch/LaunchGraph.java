package aimengine.cli.launch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The steps of a launch as a directed acyclic graph: an edge runs from the step that gives a result to each step
 * that needs it, labelled with the results it carries.
 */
public final class LaunchGraph {

    /** An edge: the results that flow from one step to the next. */
    public static final class Edge {
        private final List<ResultKey<?>> carries;

        Edge(List<ResultKey<?>> carries) {
            this.carries = List.copyOf(carries);
        }

        public List<ResultKey<?>> carries() {
            return carries;
        }

        public String label() {
            return String.join(", ", carries.stream().map(ResultKey::name).toList());
        }
    }

    private final DirectedAcyclicGraph<Step, Edge> graph;

    private LaunchGraph(DirectedAcyclicGraph<Step, Edge> graph) {
        this.graph = graph;
    }

    /**
     * @throws IllegalArgumentException when a result has no step giving it, two steps give it, or the steps form a
     *                                  cycle; all are programming errors in how the steps were put together
     */
    public static LaunchGraph of(List<Step> steps) {
        DirectedAcyclicGraph<Step, Edge> g = new DirectedAcyclicGraph<>(Edge.class);
        Map<ResultKey<?>, Step> givers = new HashMap<>();
        for (Step s : steps) {
            g.addVertex(s);
            Step other = givers.put(s.gives(), s);
            if (other != null) {
                throw new IllegalArgumentException("steps " + other.name() + " and " + s.name() + " both give " + s.gives());
            }
        }
        for (Step s : steps) {
            Map<Step, List<ResultKey<?>>> from = new LinkedHashMap<>();
            for (ResultKey<?> need : s.needs()) {
                Step giver = givers.get(need);
                if (giver == null) {
                    throw new IllegalArgumentException("step " + s.name() + " needs " + need + ", which no step gives");
                }
                from.computeIfAbsent(giver, k -> new ArrayList<>()).add(need);
            }
            from.forEach((giver, keys) -> g.addEdge(giver, s, new Edge(keys)));
        }
        return new LaunchGraph(g);
    }

    /** The steps in topological order: every step after the steps it needs. */
    public List<Step> order() {
        List<Step> order = new ArrayList<>();
        graph.iterator().forEachRemaining(order::add);
        return order;
    }

    /** The graph up to and including the named step: it and everything it needs, directly or not. */
    public LaunchGraph upTo(String stepName) {
        Step last = step(stepName);
        Set<Step> keep = new LinkedHashSet<>(graph.getAncestors(last));
        keep.add(last);
        DirectedAcyclicGraph<Step, Edge> g = new DirectedAcyclicGraph<>(Edge.class);
        order().stream().filter(keep::contains).forEach(g::addVertex);
        for (Edge e : graph.edgeSet()) {
            if (keep.contains(graph.getEdgeSource(e)) && keep.contains(graph.getEdgeTarget(e))) {
                g.addEdge(graph.getEdgeSource(e), graph.getEdgeTarget(e), e);
            }
        }
        return new LaunchGraph(g);
    }

    public Step step(String name) {
        return graph.vertexSet().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step named " + name));
    }

    public List<Step> needed(Step step) {
        return Graphs.predecessorListOf(graph, step);
    }

    /** The underlying jgrapht graph, for renderers. */
    public DirectedAcyclicGraph<Step, Edge> graph() {
        return graph;
    }
}
