package aimengine.rules;

import aimengine.data.DataLoader;
import aimengine.facts.Candidate;
import aimengine.facts.PlanRequest;
import aimengine.facts.RecipeGroup;
import aimengine.facts.Rejection;
import aimengine.hardware.HardwareCatalog;
import aimengine.facts.ModelSearch;
import aimengine.model.CheckpointShape;
import aimengine.model.ModelFacts;
import aimengine.probe.GpuGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the built-in rules on hand-made facts, so each rule can be tested on its own. */
final class RuleHarness {
    static final DataLoader DATA = BuiltinRules.DATA;
    static final RuleBase RULES = BuiltinRules.RULES;
    static final HardwareCatalog HARDWARE = DATA.hardware();

    /** Llama-3.1-70B's shape: 64 heads, 8 KV heads, 80 layers, 70.6B parameters, 131072 context. */
    static final ModelFacts LLAMA_70B = new ModelFacts("meta-llama/Llama-3.3-70B-Instruct", "llama", 70_553_706_496L,
            70_553_706_496L, 80, 64, 8, 128, 8192, 131072, "bfloat16", null, 0, 0, "test",
            CheckpointShape.plain("bf16"));

    private final List<Object> facts = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private PlanRequest request = request("meta-llama/Llama-3.3-70B-Instruct");

    static PlanRequest request(String model) {
        return new PlanRequest(model, 0, null, null, "latency", null, false);
    }

    static Candidate candidate(String recipe, String hardware, String precision, int gpus) {
        return candidate(recipe, LLAMA_70B.id(), hardware, precision, "vllm", gpus, "optimized", null, false, 0);
    }

    static Candidate candidate(String recipe, String model, String hardware, String precision, String backend, int gpus,
                               String type, String metric, boolean manualOnly, int maxModelLen) {
        return new Candidate(recipe + "/" + backend + "/" + gpus, recipe, model, model, hardware, precision, backend,
                gpus, type, metric, manualOnly, maxModelLen, 0.9, 2.0);
    }

    /** A model of the given shape: 8B-class dense unless the shape says otherwise. */
    static ModelFacts shaped(String id, int heads, int kvHeads, CheckpointShape shape) {
        return new ModelFacts(id, "test", 8_000_000_000L, shape.experts() > 0 ? 1_000_000_000L : 8_000_000_000L, 32,
                heads, kvHeads, 128, 4096, 32768, "bfloat16", null, 0, 0, "test", shape);
    }

    RuleHarness host(String product, int host, int container, int engine) {
        var hw = HARDWARE.byKey(product).orElseThrow();
        facts.add(new GpuGroup(product, hw.vendor(), hw.llvmTarget(), hw.vramMiB(), host, container, engine));
        return this;
    }

    RuleHarness model(ModelFacts m) {
        facts.add(m);
        return this;
    }

    RuleHarness request(PlanRequest q) {
        this.request = q;
        return this;
    }

    /** Candidates, handed to the rules as the Planner does: in one {@link RecipeGroup} per model they serve. */
    RuleHarness add(Candidate... more) {
        candidates.addAll(List.of(more));
        return this;
    }

    static List<RecipeGroup> groups(List<Candidate> candidates) {
        Map<List<String>, List<Candidate>> byModel = new LinkedHashMap<>();
        candidates.forEach(c -> byModel.computeIfAbsent(Arrays.asList(c.modelId(), c.checkpoint()),
                k -> new ArrayList<>()).add(c));
        return byModel.values().stream().map(g -> new RecipeGroup(g.get(0).modelId(), g.get(0).checkpoint(), g,
                List.of(), List.of())).toList();
    }

    /** Any other facts (node requests, deferred multi-node candidates, trust policy, model source, ...). */
    RuleHarness facts(Object... more) {
        facts.addAll(List.of(more));
        return this;
    }

    PlanningSession.Outcome run() {
        List<Object> all = new ArrayList<>(facts);
        all.addAll(groups(candidates));
        all.add(request);
        all.add(new ModelSearch(request.model(), "not in the test's facts"));
        all.addAll(HARDWARE.all());
        return new PlanningSession(RULES).run(all);
    }

    /** The rule that first rejected the candidate, or null when none did. */
    static String rejectedBy(PlanningSession.Outcome o, Candidate c) {
        List<Rejection> r = o.rejections().get(c.key());
        return r == null ? null : r.get(0).rule();
    }

    static String reason(PlanningSession.Outcome o, Candidate c) {
        return o.rejections().get(c.key()).get(0).reason();
    }

    static List<String> decisionRules(PlanningSession.Outcome o) {
        return o.decisions().stream().map(d -> d.rule()).toList();
    }
}
