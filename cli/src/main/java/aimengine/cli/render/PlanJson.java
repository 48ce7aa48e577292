package aimengine.cli.render;

import aimengine.cache.CheckpointStatus;
import aimengine.facts.Decision;
import aimengine.facts.UsableGpus;
import aimengine.model.MemoryEstimate;
import aimengine.model.ModelFacts;
import aimengine.plan.CandidateOutcome;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The plan as JSON: the stable contract documented in the README. Fields are only ever added, never renamed.
 * GiB figures are rounded to one decimal.
 */
public final class PlanJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PlanJson() {
    }

    public static String render(Plan plan, CheckpointStatus cache) {
        return PrettyJson.of(tree(plan, cache));
    }

    /** @param cache the selected checkpoint's cache status, or null when there is no selection */
    public static ObjectNode tree(Plan plan, CheckpointStatus cache) {
        ObjectNode root = JSON.objectNode();
        root.put("model", plan.request().model());
        root.put("status", plan.status());
        root.set("host", host(plan.usable()));
        root.set("selected", plan.selected() == null ? null : selected(plan.selected(), cache));
        ArrayNode decisions = root.putArray("decisions");
        for (Decision d : plan.decisions()) {
            decisions.addObject().put("rule", d.rule()).put("message", d.message());
        }
        ArrayNode candidates = root.putArray("candidates");
        for (CandidateOutcome c : plan.candidates()) {
            ObjectNode n = candidates.addObject();
            n.put("recipe", c.candidate().recipeId());
            n.put("backend", c.candidate().backend());
            n.put("gpuCount", c.candidate().gpuCount());
            n.put("precision", c.candidate().precision());
            n.put("nodes", c.candidate().nodes());
            n.put("status", c.status().key());
            n.put("shorterContext", c.shorterContext());
            n.put("rule", c.rule());
            n.put("reason", c.reason());
            if (!c.moreRejections().isEmpty()) {
                ArrayNode more = n.putArray("alsoRejectedBy");
                c.moreRejections().forEach(r -> more.addObject().put("rule", r.rule()).put("reason", r.reason()));
            }
            if (c.memory() != null) {
                n.set("memory", memory(c.memory(), c.memory().maxModelLen()));
            }
        }
        root.put("otherModelCandidates", plan.otherModelCandidates());
        root.set("modelFacts", plan.model() == null ? null : model(plan.model()));
        root.put("modelLookup", plan.modelLookup());
        return root;
    }

    private static ObjectNode host(UsableGpus u) {
        if (u == null) {
            return null;
        }
        ObjectNode n = JSON.objectNode();
        n.put("product", u.product());
        n.put("arch", u.llvmTarget());
        n.put("vramMiB", u.vramMiB());
        n.put("host", u.host());
        n.put("container", u.container());
        n.put("engine", u.engine());
        n.put("usable", u.count());
        return n;
    }

    private static ObjectNode selected(SelectedPlan s, CheckpointStatus cache) {
        ObjectNode n = JSON.objectNode();
        n.put("recipe", s.candidate().recipeId());
        n.put("backend", s.candidate().backend());
        n.put("gpuCount", s.candidate().gpuCount());
        n.put("precision", s.candidate().precision());
        n.put("nodes", s.span().nodes());
        n.put("gpusPerNode", s.span().gpusPerNode());
        n.putObject("parallelism").put("tensor", s.span().tensor()).put("pipeline", s.span().pipeline());
        n.put("checkpoint", s.checkpoint());
        if (s.revision() != null) {
            n.put("revision", s.revision());
        }
        ArrayNode argv = n.putArray("command");
        s.command().shown().argv().forEach(argv::add);
        ObjectNode env = n.putObject("env");
        s.command().shown().env().forEach(env::put);
        ObjectNode memory = memory(s.memory(), s.maxModelLen());
        memory.put("shortenedContext", s.shortened());
        n.set("memory", memory);
        n.put("recipeFile", s.recipe().source());
        ObjectNode c = n.putObject("cache");
        c.put("cached", cache.cached().name().toLowerCase());
        c.put("bytesOnDisk", cache.bytesOnDisk());
        c.put("expectedBytes", cache.expectedBytes());
        c.put("bytesToDownload", cache.bytesToDownload());
        return n;
    }

    private static ObjectNode memory(MemoryEstimate e, int maxModelLen) {
        ObjectNode n = JSON.objectNode();
        n.put("weightsGiBPerGpu", round(e.weightsGiBPerGpu()));
        n.put("kvCacheGiBPerGpu", round(e.kvCacheGiBPerGpu()));
        n.put("usableGiBPerGpu", round(e.usableGiBPerGpu()));
        n.put("reserveGiBPerGpu", round(e.reserveGiBPerGpu()));
        n.put("kvNeededGiBPerGpu", round(e.kvNeededGiBPerGpu()));
        n.put("maxModelLen", maxModelLen);
        return n;
    }

    private static ObjectNode model(ModelFacts m) {
        ObjectNode n = JSON.objectNode();
        n.put("id", m.id());
        n.put("architecture", m.architecture());
        n.put("parameters", m.totalParameters());
        n.put("activeParameters", m.activeParameters());
        n.put("layers", m.layers());
        n.put("attentionHeads", m.attentionHeads());
        n.put("kvHeads", m.kvHeads());
        n.put("headDim", m.headDim());
        n.put("maxContext", m.maxContext());
        n.put("nativeDtype", m.nativeDtype());
        n.put("source", m.source());
        return n;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
