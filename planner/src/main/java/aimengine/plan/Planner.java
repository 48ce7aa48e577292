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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a deployment: inserts the host's GPU groups, the hardware catalog, the model's facts, the request and the
 * recipes' candidates grouped by the model they serve ({@link CandidateIndex}, built once per catalog) into the rules
 * session, then assembles what the rules concluded into a {@link Plan}. It decides nothing itself: the rules bring
 * in the groups that concern the request, and the candidates of the others are counted as set aside.
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
    private final CandidateIndex index;

    public Planner(RuleBase rules, HardwareCatalog hardware, RecipeCatalog recipes, ModelResolver models,
                   EngineCommandBuilder commands, TrustInputs trust) {
        this.rules = rules;
        this.hardware = hardware;
        this.recipes = recipes;
        this.models = models;
        this.commands = commands;
        this.trust = trust;
        this.index = new CandidateIndex(recipes.all());
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
        List<CandidateIndex.Planned> groups = index.plan(model.map(ModelFacts::checkpointPrecision).orElse(null),
                nodes.maxNodes());
        List<Object> facts = new ArrayList<>();
        facts.add(request);
        facts.add(nodes);
        facts.add(new ModelSearch(request.model(), lookup.lookup()));
        model.ifPresent(facts::add);
        facts.addAll(hardware.all());
        facts.addAll(host.groups());
        groups.forEach(g -> facts.add(g.fact()));
        facts.addAll(TrustFacts.of(models.origin(request.model()), trust));
        PlanningSession.Outcome outcome = new PlanningSession(rules).run(facts);
        return assemble(request, host, lookup, groups, outcome, port, bindAddress);
    }

    private Plan assemble(PlanRequest request, HostView host, ModelResolver.Resolution model,
                          List<CandidateIndex.Planned> groups, PlanningSession.Outcome o, int port, String bind) {
        Map<String, CandidateFactory.Source> sources = new LinkedHashMap<>();
        Map<String, NodeSpan> spans = new HashMap<>();
        int otherModels = 0;
        for (CandidateIndex.Planned g : groups) {
            if (g.inScope(o.inScope())) {
                sources.putAll(g.sources());
                sources.putAll(g.multi().sources());
                spans.putAll(g.multi().spans());
            } else {
                otherModels += g.sources().size();
            }
        }
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
        for (CandidateFactory.Source s : sources.values()) {
            String key = s.candidate().key();
            if (!o.inScope().contains(key)) {
                // multi-node candidates the rules never brought in (fewer nodes served) are neither listed nor counted
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
