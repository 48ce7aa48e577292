package aimengine.cli.render;

import aimengine.cli.launch.LaunchGraph;
import aimengine.cli.launch.LaunchSettings;
import aimengine.cli.launch.StepReport;
import aimengine.generate.EngineCommand;
import aimengine.plan.SelectedPlan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;

/** What `run` prints when it ends (the step table) and what `run --dry-run` prints: text, or one JSON document. */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {
    }

    /** The steps a finished run went through. */
    public static String steps(String model, StepReport report, boolean json) throws JsonProcessingException {
        if (json) {
            ObjectNode n = JSON.createObjectNode();
            n.put("model", model);
            n.set("steps", StepTable.json(JSON, report));
            return JSON.writeValueAsString(n) + System.lineSeparator();
        }
        return "Steps:" + System.lineSeparator() + StepTable.text(report);
    }

    /**
     * What a run would launch: the command and environment (absent when generation failed), the launch graph and the
     * steps that ran.
     *
     * @param command  the generated command, or null
     * @param selected the plan the command came from, or null
     */
    public static String dryRun(String model, LaunchGraph graph, StepReport report, EngineCommand command,
                                SelectedPlan selected, LaunchSettings settings, boolean json) throws JsonProcessingException {
        if (json) {
            ObjectNode n = JSON.createObjectNode();
            n.put("model", model);
            if (command != null) {
                n.putPOJO("command", command.argv());
                n.putPOJO("env", command.env());
            }
            n.set("graph", graphJson(graph));
            n.set("steps", StepTable.json(JSON, report));
            return JSON.writeValueAsString(n) + System.lineSeparator();
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Dry run: aim-engine run " + model + " would launch");
        if (command != null) {
            out.println("  recipe  " + selected.candidate().recipeId() + " (" + selected.recipe().source() + ")");
            out.println("  listen  " + settings.bind() + ":" + settings.port() + ", healthy within "
                    + settings.timeout().toSeconds() + " s, up to " + settings.restarts() + " restarts");
            out.println();
            out.println("Command:");
            out.println("  " + Shell.join(command.argv()));
            out.println();
            out.println("Environment (on top of aim-engine's own):");
            if (command.env().isEmpty()) {
                out.println("  (none)");
            }
            command.env().forEach((k, v) -> out.println("  " + k + "=" + Shell.quote(v)));
        }
        out.println();
        out.println("Launch graph:");
        out.print(GraphRenderer.text(graph, "  "));
        out.println();
        out.println("Steps:");
        out.print(StepTable.text(report));
        out.flush();
        return text.toString();
    }

    private static ObjectNode graphJson(LaunchGraph graph) {
        ObjectNode g = JSON.createObjectNode();
        ArrayNode nodes = g.putArray("steps");
        graph.order().forEach(s -> nodes.add(s.name()));
        ArrayNode edges = g.putArray("edges");
        for (LaunchGraph.Edge e : graph.graph().edgeSet()) {
            ObjectNode n = edges.addObject();
            n.put("from", graph.graph().getEdgeSource(e).name());
            n.put("to", graph.graph().getEdgeTarget(e).name());
            ArrayNode carries = n.putArray("carries");
            e.carries().forEach(k -> carries.add(k.name()));
        }
        return g;
    }
}
