package aimengine.cli.render;

import aimengine.cli.launch.StepRecord;
import aimengine.cli.launch.StepReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The steps a run went through, with status, time and detail: a text table, or a JSON array. */
public final class StepTable {
    private StepTable() {
    }

    public static String text(StepReport report) {
        TextTable t = new TextTable("STEP", "STATUS", "TIME", "DETAIL");
        for (StepRecord r : report.steps()) {
            t.row(r.step(), r.status().key(), r.status() == StepRecord.Status.SKIPPED ? "-" : seconds(r), r.detail());
        }
        return t.render("  ");
    }

    public static ArrayNode json(ObjectMapper json, StepReport report) {
        ArrayNode steps = json.createArrayNode();
        for (StepRecord r : report.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", r.step());
            n.put("status", r.status().key());
            n.put("durationMs", r.duration().toMillis());
            n.put("detail", r.detail());
        }
        return steps;
    }

    private static String seconds(StepRecord r) {
        return String.format(Locale.ROOT, "%.1f s", r.duration().toMillis() / 1000.0);
    }
}
