package aimengine.plan;

import aimengine.facts.ContextHint;
import aimengine.facts.Fit;
import aimengine.facts.LaunchArg;
import aimengine.facts.ModelSearch;
import aimengine.facts.NodeRequest;
import aimengine.facts.NodeSpan;
import aimengine.facts.PlanRequest;
import aimengine.facts.Rejection;
import aimengine.generate.EngineCommand;
import aimengine.generate.EngineCommandBuilder;
import aimengine.generate.NodeGroupCommand;
import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.io.InputException;
import aimengine.model.ModelFacts;
import aimengine.model.ModelResolver;
import aimengine.probe.HostView;
import aimengine.recipe.RecipeCatalog;
import aimengine.recipe.RecipeVariant;
import aimengine.rules.PlanningSession;
import aimengine.rules.RuleBase;
import aimengine.yaml.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a deployment: inserts the host's GPU groups, the hardware catalog, the model's facts, the request and one
 * candidate per recipe variant into the rules session, then assembles what the rules concluded into a {@link Plan}.
 * It decides nothing itself.
 */
public final class Planner {
    /** The flag the trust rules pin the snapshot commit with (the same in vLLM and SGLang). */
    private static final String REVISION = "--revision";
    private final RuleBase rules;
    private final HardwareCatalog hardware;
    private final RecipeCatalog recipes;
    private final ModelResolver models;
    private final EngineCommandBuilder commands;
    private final TrustInputs trust;

    public Planner(RuleBase rules, HardwareCatalog hardware, RecipeCatalog recipes, ModelResolver models,
                   EngineCommandBuilder commands, TrustInputs trust) {
        this.rules = rules;
        this.hardware = hardware;
        this.recipes = recipes;
        this.models = models;
        this.commands = commands;
        this.trust = trust;
    }

    public Plan plan(PlanRequest request, HostView host, int port, String bindAddress) {
        return plan(request, NodeRequest.oneNode(), host, port, bindAddress);
    }

    /** Plans over up to {@code nodes.maxNodes()} machines like {@code host}; see rules/multinode.drl. */
    public Plan plan(PlanRequest request, NodeRequest nodes, HostView host, int port, String bindAddress) {
        if (request.pinned() && recipes.byId(request.recipe()).isEmpty()) {
            throw new InputException("--recipe " + request.recipe() + ": no such recipe"
                    + Suggest.closest(request.recipe(), recipes.all().stream().map(r -> r.id()).toList())
                    .map(s -> " (did you mean " + s + "?)").orElse("; list them with 'aim-engine recipes list'"));
        }
        ModelResolver.Resolution lookup = models.lookup(request.model());
        Optional<ModelFacts> model = Optional.ofNullable(lookup.facts());
        Map<String, CandidateFactory.Source> sources = new CandidateFactory()
                .expand(recipes.all(), model.map(ModelFacts::checkpointPrecision).orElse(null));
        MultiNodeCandidates.Expansion multi = new MultiNodeCandidates().expand(sources, nodes.maxNodes());
        List<Object> facts = new ArrayList<>();
        facts.add(request);
        facts.add(nodes);
        facts.addAll(multi.deferred());
        facts.add(new ModelSearch(request.model(), lookup.lookup()));
        model.ifPresent(facts::add);
        facts.addAll(hardware.all());
        facts.addAll(host.groups());
        facts.addAll(CandidateFactory.facts(sources));
        Map<String, CandidateFactory.Source> all = new java.util.LinkedHashMap<>(sources);
        all.putAll(multi.sources());
        // multi-node candidates carry their recipe's trust flags too (the trust rules wait for them to be in scope)
        facts.addAll(TrustFacts.of(models.origin(request.model()), trust, all));
        PlanningSession.Outcome outcome = new PlanningSession(rules).run(facts);
        return assemble(request, host, lookup, all, multi.spans(), outcome, port, bindAddress);
    }

    private Plan assemble(PlanRequest request, HostView host, ModelResolver.Resolution model,
                          Map<String, CandidateFactory.Source> sources, Map<String, NodeSpan> spans,
                          PlanningSession.Outcome o, int port, String bind) {
        SelectedPlan selected = null;
        if (o.selection() != null) {
            CandidateFactory.Source s = sources.get(o.selection().candidate());
            // The usable product, not the recipe's target: a general recipe names an architecture (gfx942).
            Hardware hw = hardware.byKey(o.usable().product()).orElseThrow();
            String checkpoint = s.candidate().general() ? request.model() : s.candidate().checkpoint();
            int imposed = o.selection().shortened() ? o.selection().maxModelLen() : 0;
            List<LaunchArg> ruled = o.launchArgs().getOrDefault(s.candidate().key(), List.of());
            RecipeVariant variant = TrustFacts.apply(s.variant(), ruled);
            EngineCommand command = commands.build(s.recipe(), variant, hw,
                    new EngineCommandBuilder.Target(checkpoint, request.model(), imposed, port, bind));
            NodeSpan span = spans.getOrDefault(s.candidate().key(), MultiNodeCandidates.oneNode(s.candidate()));
            if (span.nodes() > 1) {
                command = NodeGroupCommand.forGroup(command, variant.backend(), span);
            }
            String revision = ruled.stream().filter(a -> a.flag().equals(REVISION)).map(LaunchArg::value)
                    .findFirst().orElse(null);
            selected = new SelectedPlan(s.candidate(), s.recipe(), variant, checkpoint, command,
                    o.fits().get(s.candidate().key()).estimate(), o.selection().maxModelLen(),
                    o.selection().shortened(), revision, span);
        }
        List<CandidateOutcome> outcomes = new ArrayList<>();
        int otherModels = 0;
        for (CandidateFactory.Source s : sources.values()) {
            String key = s.candidate().key();
            if (!o.inScope().contains(key)) {
                // multi-node candidates the rules never brought in (fewer nodes served) are neither listed nor counted
                otherModels += s.candidate().nodes() == 1 ? 1 : 0;
                continue;
            }
            List<aimengine.facts.Rejection> rejections = o.rejections().getOrDefault(key, List.of());
            Fit fit = o.fits().get(key);
            ContextHint hint = o.hints().get(key);
            CandidateOutcome.Status status = o.selection() != null && o.selection().candidate().equals(key)
                    ? CandidateOutcome.Status.SELECTED
                    : rejections.isEmpty() ? CandidateOutcome.Status.ELIGIBLE : CandidateOutcome.Status.REJECTED;
            String rule = !rejections.isEmpty() ? rejections.get(0).rule() : hint != null ? hint.rule() : null;
            String reason = !rejections.isEmpty() ? rejections.get(0).reason() : hint != null ? hint.message() : null;
            List<aimengine.facts.Rejection> more = rejections.isEmpty() ? List.of() : rejections.subList(1, rejections.size());
            outcomes.add(new CandidateOutcome(s.candidate(), status, rejections.isEmpty() && hint != null, rule, reason,
                    more, fit == null ? null : fit.estimate()));
        }
        outcomes.sort(Comparator.comparing((CandidateOutcome c) -> c.status().ordinal())
                .thenComparing(c -> c.candidate().key()));
        return new Plan(request, host, o.usable(), model.facts(), selected, o.decisions(), outcomes, otherModels,
                model.lookup());
    }
}
