package aimengine.cli.render;

import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import java.util.List;

/** `recipes show ID`: everything about one recipe, as the file states it, or its JSON. */
public final class RecipeDetail {
    private final FileNames names;

    public RecipeDetail(FileNames names) {
        this.names = names;
    }

    public String text(Recipe r) {
        StringBuilder sb = new StringBuilder();
        field(sb, "recipe", r.id());
        field(sb, "source", names.show(r.source()) + " (" + r.format() + " format)");
        field(sb, "model", r.isGeneral() ? "(any: a general recipe)" : r.modelId());
        field(sb, "checkpoint", r.isGeneral() ? "(the requested model)" : r.checkpoint());
        field(sb, "hardware", r.hardware());
        field(sb, "precision", r.precisionKey());
        field(sb, "type", r.type().key() + (r.manualSelectionOnly() ? ", manual selection only (pin with --recipe)" : ""));
        field(sb, "metric", r.metric() == null ? "(any)" : r.metric());
        list(sb, "env", RecipeJson.envLines(r.env()), "");
        for (RecipeVariant v : r.variants()) {
            sb.append('\n').append(v.backend().key()).append(", ").append(v.gpuCount())
                    .append(v.gpuCount() == 1 ? " GPU" : " GPUs").append(v.enabled() ? "" : ", disabled")
                    .append(" (line ").append(v.line()).append(")\n");
            list(sb, "env", RecipeJson.envLines(v.env()), "  ");
            list(sb, "args", v.args().stream().map(RecipeDetail::arg).toList(), "  ");
        }
        return sb.toString();
    }

    public String json(Recipe r) {
        return PrettyJson.of(RecipeJson.detail(r, names));
    }

    private static String arg(EngineArg a) {
        return a.value() == null ? a.flag() : a.flag() + " " + a.value();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(String.format("%-11s%s\n", name, value == null ? "-" : value));
    }

    private static void list(StringBuilder sb, String name, List<String> values, String indent) {
        if (values.isEmpty()) {
            sb.append(indent).append(String.format("%-" + (11 - indent.length()) + "s%s\n", name, "(none)"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            sb.append(indent).append(String.format("%-" + (11 - indent.length()) + "s%s\n", i == 0 ? name : "", values.get(i)));
        }
    }
}
