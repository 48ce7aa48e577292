package aimengine.recipe;

import aimengine.engine.Backend;
import aimengine.hardware.HardwareCatalog;
import aimengine.hardware.Precision;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads aim-engine's own recipe format (one model x hardware x precision per file, variants per engine and GPU count). */
final class SeedRecipeReader {
    private static final Pattern COUNT_KEY = Pattern.compile("([-+]?[0-9]+)_gpu");
    private static final int MAX_GPUS = 999;

    private final HardwareCatalog hardware;

    SeedRecipeReader(HardwareCatalog hardware) {
        this.hardware = hardware;
    }

    Recipe read(String file, YamlNode root, List<InputProblem> problems) {
        MapReader m = new MapReader(file, root, problems);
        int before = problems.size();
        String id = m.requiredString("recipe_id");
        RecipeType type = m.has("type") ? m.oneOf("type", RecipeType::parse, "optimized, preview, unoptimized, general")
                : RecipeType.OPTIMIZED;
        boolean general = type == RecipeType.GENERAL;
        // A general recipe serves any model: it names no checkpoint, and may serve each in its own precision.
        String checkpoint = general ? null : m.requiredString("huggingface_id");
        String modelId = general ? null : m.string("model_id");
        if (general && (m.has("huggingface_id") || m.has("model_id"))) {
            m.problem(m.lineOf(m.has("huggingface_id") ? "huggingface_id" : "model_id"),
                    "a general recipe (type: general) serves any model; leave out huggingface_id and model_id");
        }
        String product = RecipeFields.hardware(m, hardware);
        boolean checkpointPrecision = general && "checkpoint".equals(m.string("precision"));
        Precision precision = checkpointPrecision ? null
                : m.oneOf("precision", Precision::parse, Precision.allowed() + (general ? ", checkpoint" : ""));
        if (precision == null && !m.has("precision")) {
            m.problem(root.line(), "missing required key 'precision'");
        }
        String metric = RecipeFields.metric(m);
        Boolean manual = m.bool("manual_selection_only");
        m.string("description");
        Map<String, String> env = m.stringMap("env");
        List<RecipeVariant> variants = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            YamlNode section = m.raw(backend.recipeSection());
            if (section != null) {
                readSection(m, backend, section, variants);
            }
        }
        if (variants.isEmpty() && problems.size() == before) {
            m.problem(root.line(), "no engine section: add vllm_serve: or sglang_serve: with at least one N_gpu entry");
        }
        m.finish();
        if (problems.size() > before) {
            return null;
        }
        return new Recipe(id, checkpoint, modelId == null ? checkpoint : modelId, product, precision, type, metric,
                manual != null && manual, env, variants, "seed", file);
    }

    private void readSection(MapReader m, Backend backend, YamlNode section, List<RecipeVariant> variants) {
        MapReader counts = MapReader.of(m.file(), section, "'" + backend.recipeSection() + "'", m.problems());
        if (counts == null) {
            return;
        }
        for (Map.Entry<String, YamlNode> e : section.entries().entrySet()) {
            Matcher matcher = COUNT_KEY.matcher(e.getKey());
            counts.raw(e.getKey());
            if (!matcher.matches()) {
                counts.problem(section.keyLine(e.getKey()), "'" + e.getKey() + "' under " + backend.recipeSection()
                        + " is not a GPU count; write N_gpu such as 1_gpu or 8_gpu");
                continue;
            }
            BigInteger count = new BigInteger(matcher.group(1));
            if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_GPUS)) > 0) {
                counts.problem(section.keyLine(e.getKey()), "'" + e.getKey() + "' under " + backend.recipeSection()
                        + ": the GPU count must be between 1 and " + MAX_GPUS);
                continue;
            }
            int gpus = count.intValue();
            RecipeVariant v = readVariant(m.file(), backend, gpus, e.getValue(), section.keyLine(e.getKey()), m.problems());
            if (v != null) {
                variants.add(v);
            }
        }
    }

    private RecipeVariant readVariant(String file, Backend backend, int gpus, YamlNode node, int line,
                                      List<InputProblem> problems) {
        MapReader v = MapReader.of(file, node, "'" + gpus + "_gpu'", problems);
        if (v == null) {
            return null;
        }
        int before = problems.size();
        Boolean enabled = v.bool("enabled");
        List<EngineArg> args = RecipeFields.args(v, "args", true);
        Map<String, String> env = v.stringMap("env");
        v.finish();
        RecipeFields.checkTensorParallel(v, backend, gpus, args);
        return problems.size() > before ? null
                : new RecipeVariant(backend, gpus, enabled == null || enabled, args, env, line);
    }
}
