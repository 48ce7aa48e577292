package aimengine.cli.render;

import aimengine.model.ModelFacts;
import aimengine.recipe.Recipe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * `models`: the models of the catalog with the hardware/precision pairs that have a recipe serving or loading them,
 * then the models that have recipes but no catalog entry (their facts must come from a Hugging Face cache or a local
 * folder).
 */
public final class ModelTable {

    /** One row: a catalog model (facts non-null) or a model only recipes name (facts null). */
    record Row(String id, ModelFacts facts, List<String> recipes) {
    }

    public String text(Collection<ModelFacts> models, Collection<Recipe> recipes) {
        TextTable table = new TextTable("MODEL", "ARCH", "PARAMS", "CONTEXT", "RECIPES (HARDWARE/PRECISION)");
        List<Row> rows = rows(models, recipes);
        int outside = 0;
        for (Row r : rows) {
            ModelFacts f = r.facts();
            if (f == null) {
                outside++;
            }
            table.row(r.id() + (f == null ? " *" : ""), f == null ? "" : f.architecture(), f == null ? "" : parameters(f),
                    f == null ? "" : String.valueOf(f.maxContext()), String.join(" ", r.recipes()));
        }
        String text = table.render() + rows.size() + (rows.size() == 1 ? " model" : " models") + "\n";
        return outside == 0 ? text
                : text + "* not in the model catalog: planning reads its config.json from the Hugging Face cache or a local folder\n";
    }

    public String json(Collection<ModelFacts> models, Collection<Recipe> recipes) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows(models, recipes)) {
            Map<String, Object> m = new LinkedHashMap<>();
            ModelFacts f = r.facts();
            m.put("id", r.id());
            m.put("in_catalog", f != null);
            m.put("architecture", f == null ? null : f.architecture());
            m.put("total_parameters", f == null ? null : f.totalParameters());
            m.put("active_parameters", f == null ? null : f.activeParameters());
            m.put("max_context", f == null ? null : f.maxContext());
            m.put("recipes", r.recipes());
            list.add(m);
        }
        return PrettyJson.of(Map.of("models", list));
    }

    static List<Row> rows(Collection<ModelFacts> models, Collection<Recipe> recipes) {
        Map<String, TreeSet<String>> byModel = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, TreeSet<String>> byCheckpoint = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Recipe r : recipes) {
            if (!r.isGeneral()) {
                String pair = r.hardware() + "/" + r.precisionKey();
                byModel.computeIfAbsent(r.modelId(), k -> new TreeSet<>()).add(pair);
                byCheckpoint.computeIfAbsent(r.checkpoint(), k -> new TreeSet<>()).add(pair);
                spelling.putIfAbsent(r.modelId(), r.modelId());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ModelFacts f : models) {
            // A catalog entry that is a checkpoint (an FP8 one) lists the recipes that load it.
            TreeSet<String> pairs = new TreeSet<>(byModel.getOrDefault(f.id(), new TreeSet<>()));
            pairs.addAll(byCheckpoint.getOrDefault(f.id(), new TreeSet<>()));
            rows.add(new Row(f.id(), f, List.copyOf(pairs)));
            spelling.remove(f.id());
        }
        spelling.values().forEach(id -> rows.add(new Row(id, null, List.copyOf(byModel.get(id)))));
        return rows;
    }

    /** "32.8B", or "30.5B (3.3B active)" for a mixture of experts. */
    static String parameters(ModelFacts f) {
        String total = billions(f.totalParameters());
        return f.isMoe() ? total + " (" + billions(f.activeParameters()) + " active)" : total;
    }

    private static String billions(long n) {
        return String.format(Locale.ROOT, "%.1fB", n / 1e9);
    }
}
