package aimengine.cli.render;

import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shape of a recipe: a summary for `recipes list`, everything for `recipes show`. */
final class RecipeJson {
    private RecipeJson() {
    }

    static Map<String, Object> summary(Recipe r, FileNames names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("model", r.modelId());
        m.put("checkpoint", r.checkpoint());
        m.put("hardware", r.hardware());
        m.put("precision", r.precisionKey());
        m.put("type", r.type().key());
        m.put("metric", r.metric());
        m.put("manual_selection_only", r.manualSelectionOnly());
        m.put("variants", r.variants().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("engine", v.backend().key());
            vm.put("gpus", v.gpuCount());
            vm.put("enabled", v.enabled());
            return vm;
        }).toList());
        m.put("format", r.format());
        m.put("source", names.show(r.source()));
        return m;
    }

    static Map<String, Object> detail(Recipe r, FileNames names) {
        Map<String, Object> m = summary(r, names);
        m.put("env", new TreeMap<>(r.env()));
        m.put("variants", r.variants().stream().map(RecipeJson::variant).toList());
        return m;
    }

    private static Map<String, Object> variant(RecipeVariant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", v.backend().key());
        m.put("gpus", v.gpuCount());
        m.put("enabled", v.enabled());
        m.put("line", v.line());
        m.put("env", new TreeMap<>(v.env()));
        m.put("args", v.args().stream().map(RecipeJson::arg).toList());
        return m;
    }

    private static Map<String, Object> arg(EngineArg a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flag", a.flag());
        m.put("value", a.value());
        m.put("line", a.line());
        return m;
    }

    static List<String> envLines(Map<String, String> env) {
        return new TreeMap<>(env).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
