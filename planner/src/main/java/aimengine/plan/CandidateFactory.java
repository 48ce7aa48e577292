package aimengine.plan;

import aimengine.engine.Backend;
import aimengine.engine.EngineProfile;
import aimengine.engine.EngineSetting;
import aimengine.facts.Candidate;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands recipes into candidates: one per enabled (recipe, backend, GPU count). No filtering happens here: which
 * candidates can run is for the rules to decide, so that every rejection is explained.
 */
public final class CandidateFactory {

    /** A candidate fact together with the recipe and variant it came from (for command generation). */
    public record Source(Candidate candidate, Recipe recipe, RecipeVariant variant) {
    }

    /**
     * @param checkpointPrecision the requested model's checkpoint precision, which a general recipe written with
     *                            {@code precision: checkpoint} serves in; null when unknown
     */
    public Map<String, Source> expand(Iterable<Recipe> recipes, String checkpointPrecision) {
        Map<String, Source> result = new LinkedHashMap<>();
        for (Recipe r : recipes) {
            for (RecipeVariant v : r.variants()) {
                if (!v.enabled()) {
                    continue;
                }
                String key = r.id() + "/" + v.backend().key() + "/" + v.gpuCount();
                result.put(key, new Source(candidate(key, r, v, checkpointPrecision), r, v));
            }
        }
        return result;
    }

    static Candidate candidate(String key, Recipe r, RecipeVariant v, String checkpointPrecision) {
        Backend b = v.backend();
        EngineProfile engine = b.profile();
        int context = intArg(v, engine.names(EngineSetting.CONTEXT_LENGTH)).orElse(0);
        double fraction = doubleArg(v, engine.names(EngineSetting.MEMORY_FRACTION)).orElse(engine.defaultMemoryFraction());
        double kvBytes = v.arg(engine.names(EngineSetting.KV_CACHE_DTYPE)).map(EngineArg::value)
                .filter(s -> s != null && s.startsWith("fp8")).map(s -> 1.0).orElse(2.0);
        return new Candidate(key, r.id(), r.modelId(), r.checkpoint(), r.hardware(),
                r.servesCheckpointPrecision() ? checkpointPrecision : r.precision().key(), b.key(),
                v.gpuCount(), r.type().key(), r.metric(), r.manualSelectionOnly(), context, fraction, kvBytes);
    }

    private static Optional<Integer> intArg(RecipeVariant v, List<String> names) {
        return v.arg(names).map(EngineArg::value).flatMap(CandidateFactory::parseInt);
    }

    private static Optional<Double> doubleArg(RecipeVariant v, List<String> names) {
        return v.arg(names).map(EngineArg::value).flatMap(s -> {
            try {
                return Optional.of(Double.parseDouble(s));
            } catch (NumberFormatException | NullPointerException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static List<Candidate> facts(Map<String, Source> sources) {
        List<Candidate> list = new ArrayList<>(sources.size());
        sources.values().forEach(s -> list.add(s.candidate()));
        return list;
    }
}
