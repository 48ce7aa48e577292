package aimengine.plan;

import aimengine.engine.EngineFlags;
import aimengine.facts.CodeRequest;
import aimengine.facts.ModelCode;
import aimengine.facts.ModelSource;
import aimengine.facts.WeightFormats;
import aimengine.model.ModelOrigin;
import aimengine.recipe.EngineArg;
import aimengine.recipe.RecipeVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns what aim-engine sees of a model and its recipes into the facts the trust rules read. */
final class TrustFacts {
    static final String TRUST_REMOTE_CODE = "--trust-remote-code";

    private TrustFacts() {
    }

    /** The facts of the model and the policy; the candidates' {@link #codeRequests} come in with their groups. */
    static List<Object> of(ModelOrigin origin, TrustInputs trust) {
        List<Object> facts = new ArrayList<>(trust.policy().facts());
        facts.addAll(trust.natives());
        facts.add(trust.request());
        facts.addAll(trust.engineVersions());
        facts.add(new ModelSource(origin.model(), origin.local() ? ModelSource.LOCAL : ModelSource.HUB,
                origin.location(), origin.commit()));
        origin.code().ifPresent(c -> facts.add(new ModelCode(origin.model(), c.architectures(), c.autoMap())));
        origin.weights().ifPresent(w -> facts.add(new WeightFormats(origin.model(), w.safetensors(), w.pickle(),
                w.example())));
        return facts;
    }

    /** The candidates whose recipe asks for --trust-remote-code. */
    static List<CodeRequest> codeRequests(Map<String, CandidateFactory.Source> sources) {
        List<CodeRequest> requests = new ArrayList<>();
        sources.values().forEach(s -> {
            if (asksRemoteCode(s.variant())) {
                requests.add(new CodeRequest(s.candidate().key(), "recipe " + s.recipe().id()));
            }
        });
        return requests;
    }

    static boolean asksRemoteCode(RecipeVariant v) {
        return v.arg(List.of(TRUST_REMOTE_CODE)).filter(a -> !a.isSwitchOff()).isPresent();
    }

    /**
     * The variant the selected candidate runs: without the recipe's --trust-remote-code (only the trust rules may
     * put it back) and with the flags the rules set, each replacing the recipe's flag of the same name.
     */
    static RecipeVariant apply(RecipeVariant v, List<aimengine.facts.LaunchArg> ruled) {
        List<EngineArg> args = new ArrayList<>();
        for (EngineArg a : v.args()) {
            boolean remoteCode = EngineFlags.sameFlag(a.flag(), TRUST_REMOTE_CODE) && !a.isSwitchOff();
            boolean replaced = ruled.stream().anyMatch(r -> EngineFlags.sameFlag(r.flag(), a.flag()));
            if (!remoteCode && !replaced) {
                args.add(a);
            }
        }
        Map<String, aimengine.facts.LaunchArg> byFlag = new java.util.LinkedHashMap<>();
        ruled.forEach(r -> byFlag.putIfAbsent(EngineFlags.normalize(r.flag()), r));
        byFlag.values().forEach(r -> args.add(new EngineArg(r.flag(), r.value(), false, 0)));
        return new RecipeVariant(v.backend(), v.gpuCount(), v.enabled(), args, v.env(), v.line());
    }
}
