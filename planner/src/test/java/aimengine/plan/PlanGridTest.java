package aimengine.plan;

import aimengine.data.DataLoader;
import aimengine.facts.TrustRequest;
import aimengine.io.DataFolders;
import aimengine.rules.BuiltinRules;
import aimengine.engine.FlagCatalogs;
import aimengine.facts.Candidate;
import aimengine.facts.PlanRequest;
import aimengine.generate.EngineCommandBuilder;
import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelResolver;
import aimengine.probe.GpuGroup;
import aimengine.probe.HostView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

/**
 * Every catalog model on every catalog product at 1, 2, 4 and 8 GPUs, planned with the built-in data and rules and
 * reduced to one line each, kept as one approved file: a change of policy, recipes or catalog shows as a readable
 * diff of what now plans differently.
 */
class PlanGridTest {
    private static final int[] GPU_COUNTS = {1, 2, 4, 8};

    @Test
    void everyModelOnEveryProduct() throws IOException {
        DataLoader data = BuiltinRules.DATA;
        HardwareCatalog hardware = data.hardware();
        ModelCatalog models = data.models();
        Planner planner = new Planner(BuiltinRules.RULES, hardware, data.recipes(hardware),
                new ModelResolver(null, models, null), new EngineCommandBuilder(FlagCatalogs.builtin()::newest),
                new TrustInputs(data.trustPolicy(null), data.nativeArchitectures(), new TrustRequest(false, false),
                        List.of()));
        StringBuilder sb = new StringBuilder("MODEL | PRODUCT x GPUS | STATUS | GPUS PRECISION BACKEND | RECIPE KIND"
                + " | FIRST REJECTION (infeasible: the plan's reason, then the first rule that rejected the best"
                + " candidate at that count)\n");
        for (String model : catalogModels()) {
            for (Hardware h : hardware.all()) {
                for (int n : GPU_COUNTS) {
                    Plan plan = planner.plan(new PlanRequest(model, 0, null, null, "latency", null, false),
                            host(h, n), 8000, "127.0.0.1");
                    sb.append(model).append(" | ").append(h.key()).append(" x ").append(n).append(" | ")
                            .append(line(plan, h, n)).append('\n');
                }
            }
        }
        Approvals.verify(sb.toString());
    }

    /** The id of each catalog file (not its aliases), sorted. */
    private static List<String> catalogModels() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : DataFolders.find(DataFolders.builtin("models"), ".yaml")) {
            Files.readAllLines(file).stream().filter(l -> l.startsWith("id: ")).findFirst()
                    .ifPresent(l -> ids.add(l.substring(4).trim()));
        }
        return ids.stream().sorted().toList();
    }

    private static HostView host(Hardware h, int n) {
        return new HostView("grid", List.of(new GpuGroup(h.key(), h.vendor(), h.llvmTarget(), h.vramMiB(), n, n, n)),
                List.of(), List.of(), false);
    }

    private static String line(Plan plan, Hardware h, int n) {
        if (plan.selected() != null) {
            Candidate c = plan.selected().candidate();
            return "ok | " + c.gpuCount() + " " + c.precision() + " " + c.backend() + (plan.selected().shortened()
                    ? " (context " + plan.selected().maxModelLen() + ")" : "") + " | "
                    + (c.general() ? "general" : "model-specific " + c.type());
        }
        String reason = plan.decisions().isEmpty() ? "-" : plan.decisions().get(plan.decisions().size() - 1).rule();
        String first = plan.candidates().stream()
                .filter(o -> o.candidate().runsOn(h.key(), h.llvmTarget()) && o.candidate().gpuCount() == n)
                .sorted(Comparator.comparing((CandidateOutcome o) -> o.candidate().general())
                        .thenComparing(o -> !o.candidate().backend().equals("vllm")))
                .map(CandidateOutcome::rule).filter(r -> r != null).findFirst().orElse("no candidate for " + h.key()
                        + " at " + n + " GPUs");
        return "infeasible | - | - | " + reason + "; " + first;
    }
}
