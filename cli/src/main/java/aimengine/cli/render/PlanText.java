package aimengine.cli.render;

import aimengine.cache.CheckpointStatus;
import aimengine.facts.Decision;
import aimengine.facts.Rejection;
import aimengine.facts.UsableGpus;
import aimengine.model.MemoryEstimate;
import aimengine.plan.CandidateOutcome;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The plan for a person: the choice and its command; with --explain, every candidate and the decision trail. */
public final class PlanText {
    /** The trust rules' names start so (rules/trust.drl). */
    private static final String TRUST_RULES = "trust/";

    private PlanText() {
    }

    /** @param cache the selected checkpoint's cache status, or null when there is no selection */
    public static String render(Plan plan, CheckpointStatus cache, boolean explain) {
        StringBuilder sb = new StringBuilder();
        UsableGpus u = plan.usable();
        sb.append("Plan for ").append(plan.request().model());
        if (u != null) {
            // a profile of several identical machines: the usable GPUs are each machine's
            int nodes = plan.host() == null ? 1 : plan.host().nodes();
            sb.append(" on ").append(nodes > 1 ? nodes + " nodes of " : "").append(u.count()).append(" x ")
                    .append(u.product()).append(" (").append(u.llvmTarget())
                    .append(", ").append(Units.gib(u.vramMiB() / 1024.0)).append(" each)");
        }
        sb.append(": ").append(plan.status()).append('\n');
        if (plan.model() == null) {
            sb.append("  model facts  unknown: ").append(plan.modelLookup()).append('\n');
        }
        if (plan.selected() != null) {
            selected(sb, plan.selected(), cache);
        }
        if (explain) {
            candidates(sb, plan);
            if (plan.model() != null) {
                sb.append("\nModel facts: ").append(plan.modelLookup()).append('\n');
            }
            sb.append("\nDecisions:\n");
            for (Decision d : plan.decisions()) {
                sb.append("  ").append(d.rule()).append(": ").append(d.message()).append('\n');
            }
        } else {
            trust(sb, plan);
            if (plan.selected() == null) {
                // The rules explain a missing plan last (fallback.drl, the "no plan" phase).
                if (!plan.decisions().isEmpty()) {
                    sb.append("  ").append(plan.decisions().get(plan.decisions().size() - 1).message()).append('\n');
                }
                sb.append("  run with --explain to see why each candidate was rejected\n");
            }
        }
        return sb.toString();
    }

    private static void selected(StringBuilder sb, SelectedPlan s, CheckpointStatus cache) {
        MemoryEstimate m = s.memory();
        sb.append("  recipe       ").append(s.candidate().recipeId()).append(" (")
                .append(s.candidate().general() ? "general recipe" : "model-specific " + s.candidate().type() + " recipe")
                .append(", ").append(s.recipe().source()).append(")\n");
        sb.append("  engine       ").append(s.candidate().backend()).append(", ");
        if (s.span().nodes() > 1) {
            sb.append(s.span().nodes()).append(" nodes x ").append(s.span().gpusPerNode()).append(" GPUs (tensor parallel ")
                    .append(s.span().tensor()).append(" x pipeline parallel ").append(s.span().pipeline()).append(")");
        } else {
            sb.append(s.candidate().gpuCount()).append(" GPU(s)");
        }
        sb.append(", ").append(s.candidate().precision()).append('\n');
        sb.append("  checkpoint   ").append(s.checkpoint()).append(" (").append(cached(cache)).append(")\n");
        if (s.revision() != null) {
            sb.append("  revision     ").append(s.revision()).append(" (the snapshot planned from)\n");
        }
        sb.append("  memory/GPU   ").append(Units.gib(m.weightsGiBPerGpu())).append(" weights + ")
                .append(Units.gib(m.reserveGiBPerGpu())).append(" reserve + ").append(Units.gib(m.kvCacheGiBPerGpu()))
                .append(" KV cache = ").append(Units.gib(m.usableGiBPerGpu())).append(" usable (")
                .append(String.format(java.util.Locale.ROOT, "%.2f", m.utilization())).append(" x ")
                .append(Units.gib(m.vramGiB())).append(")\n");
        sb.append("  context      ").append(s.maxModelLen()).append(" tokens")
                .append(s.shortened() ? " (shortened to fit; the recipe asks for " + m.maxModelLen() + ")" : "")
                .append(" (one sequence needs ")
                .append(Units.gib(m.kvNeededGiBPerGpu() * s.maxModelLen() / Math.max(1, m.maxModelLen())))
                .append(" of KV cache per GPU)\n");
        sb.append("  command      ").append(Shell.join(s.command().shown().argv())).append('\n');
        sb.append("  environment  ");
        if (s.command().shown().env().isEmpty()) {
            sb.append("(none)\n");
        } else {
            boolean first = true;
            for (Map.Entry<String, String> e : s.command().shown().env().entrySet()) {
                sb.append(first ? "" : "               ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
                first = false;
            }
        }
    }

    /**
     * Without --explain, what the trust rules said still shows: their statements and warnings, and for a plan that
     * failed, each distinct reason they refused candidates for (a refused model is the usual cause).
     */
    private static void trust(StringBuilder sb, Plan plan) {
        for (Decision d : plan.decisions()) {
            if (d.rule().startsWith(TRUST_RULES)) {
                sb.append("  trust        ").append(d.message()).append('\n');
            }
        }
        if (plan.selected() == null) {
            plan.candidates().stream().flatMap(PlanText::rejections)
                    .filter(r -> r.rule().startsWith(TRUST_RULES)).map(Rejection::reason).distinct()
                    .forEach(reason -> sb.append("  refused      ").append(reason).append('\n'));
        }
    }

    private static java.util.stream.Stream<Rejection> rejections(CandidateOutcome c) {
        java.util.stream.Stream<Rejection> first = c.status() == CandidateOutcome.Status.REJECTED && c.rule() != null
                ? java.util.stream.Stream.of(new Rejection(c.candidate().key(), c.rule(), c.reason()))
                : java.util.stream.Stream.empty();
        return java.util.stream.Stream.concat(first, c.moreRejections().stream());
    }

    private static String cached(CheckpointStatus c) {
        return switch (c.cached()) {
            case YES -> "cached, " + Units.bytes(c.bytesOnDisk()) + " on disk";
            case PARTIAL -> "partly cached: " + Units.bytes(c.bytesOnDisk()) + " on disk, about "
                    + Units.bytes(c.bytesToDownload()) + " to download";
            case NO -> "not cached: about " + Units.bytes(c.bytesToDownload()) + " to download";
        };
    }

    private static void candidates(StringBuilder sb, Plan plan) {
        List<CandidateOutcome> all = plan.candidates();
        group(sb, "Runnable", all, c -> c.status() != CandidateOutcome.Status.REJECTED && !c.shorterContext(), false);
        group(sb, "Runnable with a shorter context", all,
                c -> c.status() != CandidateOutcome.Status.REJECTED && c.shorterContext(), false);
        boolean anyCollapsed = all.stream().anyMatch(PlanText::collapsed);
        group(sb, "Incompatible", all, c -> c.status() == CandidateOutcome.Status.REJECTED && !collapsed(c), anyCollapsed);
        collapsedCounts(sb, all);
        if (plan.otherModelCandidates() > 0) {
            sb.append("\n(").append(plan.otherModelCandidates())
                    .append(" candidates from recipes for other models not shown)\n");
        }
    }

    /**
     * Rules whose rejections say the same thing for every candidate they reject (a recipe for another product, an
     * engine not asked for): listed as one count per rule, so the rows that differ stand out. JSON lists them all.
     */
    private static final List<String> COLLAPSED_RULES = List.of("compatibility/hardware", "compatibility/backend");

    private static boolean collapsed(CandidateOutcome c) {
        return c.status() == CandidateOutcome.Status.REJECTED && COLLAPSED_RULES.contains(c.rule());
    }

    private static void collapsedCounts(StringBuilder sb, List<CandidateOutcome> all) {
        for (String rule : COLLAPSED_RULES) {
            List<CandidateOutcome> hits = all.stream().filter(c -> collapsed(c) && rule.equals(c.rule())).toList();
            if (!hits.isEmpty()) {
                sb.append("  + ").append(hits.size()).append(hits.size() == 1 ? " candidate" : " candidates")
                        .append(" rejected by ").append(rule).append(" (")
                        .append(hits.stream().map(c -> c.candidate().recipeId()).distinct().count())
                        .append(" recipes; --output json lists them)\n");
            }
        }
    }

    private static void group(StringBuilder sb, String title, List<CandidateOutcome> all,
                              Predicate<CandidateOutcome> filter, boolean moreFollow) {
        TextTable table = new TextTable("RECIPE", "BACKEND", "GPUS", "PRECISION", "STATUS", "REASON");
        for (CandidateOutcome c : all) {
            if (filter.test(c)) {
                table.row(c.candidate().recipeId(), c.candidate().backend(), gpus(c.candidate()),
                        c.candidate().precision(), c.status().key(), reason(c));
            }
        }
        sb.append('\n').append(title).append(":\n");
        sb.append(table.isEmpty() ? moreFollow ? "" : "  (none)\n" : table.render("  "));
    }

    /** "8", or "2x8" for two nodes of eight. */
    private static String gpus(aimengine.facts.Candidate c) {
        return c.nodes() > 1 ? c.nodes() + "x" + c.gpuCount() : String.valueOf(c.gpuCount());
    }

    private static String reason(CandidateOutcome c) {
        if (c.rule() != null) {
            StringBuilder sb = new StringBuilder(c.rule()).append(": ").append(c.reason());
            c.moreRejections().forEach(r -> sb.append("; ").append(r.rule()).append(": ").append(r.reason()));
            return sb.toString();
        }
        MemoryEstimate m = c.memory();
        return m == null ? "" : "fits: " + Units.gib(m.weightsGiBPerGpu()) + " weights + "
                + Units.gib(m.kvNeededGiBPerGpu()) + " KV (" + m.maxModelLen() + " tokens) + "
                + Units.gib(m.reserveGiBPerGpu()) + " reserve <= " + Units.gib(m.usableGiBPerGpu()) + " per GPU";
    }
}
