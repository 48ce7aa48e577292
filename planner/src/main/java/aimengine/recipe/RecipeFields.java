package aimengine.recipe;

import aimengine.engine.Backend;
import aimengine.engine.EngineSetting;
import aimengine.hardware.HardwareCatalog;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlJson;
import aimengine.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Field readers both recipe formats share, so the two formats check the same things the same way. */
final class RecipeFields {
    private RecipeFields() {
    }

    static String hardware(MapReader m, HardwareCatalog catalog) {
        return hardware(m, "hardware", catalog);
    }

    static String hardware(MapReader m, String key, HardwareCatalog catalog) {
        String product = m.requiredString(key);
        // A product key, or an architecture (LLVM target / compute capability) for every product of it.
        if (product != null && catalog.byKey(product).isEmpty() && catalog.byLlvmTarget(product).isEmpty()) {
            m.problem(m.lineOf(key), "unknown hardware '" + product + "'; known: " + String.join(", ", catalog.keys())
                    + ", or an architecture such as gfx942 or sm_90 (add an entry under rules/hardware/ for a new product)");
            return null;
        }
        return product == null ? null : product.toLowerCase();
    }

    static String metric(MapReader m) {
        return m.oneOf("metric", s -> s.equals("latency") || s.equals("throughput") ? s : null, "latency, throughput");
    }

    /**
     * Reads engine flags. Seed recipes write them with dashes ("--dtype"), AIM profiles without ("dtype").
     * A null value is the bare switch; a map value becomes its JSON text.
     */
    static List<EngineArg> args(MapReader m, String key, boolean dashed) {
        YamlNode node = m.raw(key);
        List<EngineArg> args = new ArrayList<>();
        if (node == null || node.isNull()) {
            return args;
        }
        if (!node.isMap()) {
            m.problem(node.line(), "'" + key + "' must be a map of flag: value, found " + node.describe());
            return args;
        }
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            String flag = e.getKey();
            YamlNode value = e.getValue();
            int line = node.keyLine(flag);
            if (dashed && !flag.startsWith("--")) {
                m.problem(line, "engine flag '" + flag + "' must start with --");
                continue;
            }
            if (!dashed && flag.startsWith("-")) {
                m.problem(line, "AIM profile flags are written without dashes; write '" + flag.replaceFirst("^-+", "") + "'");
                continue;
            }
            if (value.isList()) {
                m.problem(line, "value of '" + flag + "' must be text, a number, true/false, null or a map (JSON), found "
                        + "a list; write several values as one text separated by spaces");
                continue;
            }
            // A map is the JSON value of flags such as --compilation-config, as AIM profiles write it.
            String text = value.isNull() ? null : value.isMap() ? YamlJson.toJson(value) : value.text();
            args.add(new EngineArg(dashed ? flag : "--" + flag, text, value.isBoolean(), line));
        }
        return args;
    }

    /** A recipe may state the tensor-parallel size; it must equal the GPU count it is listed under. */
    static void checkTensorParallel(MapReader m, Backend backend, int gpus, List<EngineArg> args) {
        for (EngineArg a : args) {
            if (backend.profile().setting(a.flag()).orElse(null) == EngineSetting.TENSOR_PARALLEL) {
                if (!String.valueOf(gpus).equals(a.value())) {
                    m.problem(a.line(), "'" + a.flag() + "' is " + a.value() + " but the entry is for " + gpus
                            + " GPU(s); the tensor-parallel size must equal the GPU count");
                }
            }
        }
    }
}
