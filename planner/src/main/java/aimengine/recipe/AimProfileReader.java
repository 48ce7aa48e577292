package aimengine.recipe;

import aimengine.engine.Backend;
import aimengine.hardware.HardwareCatalog;
import aimengine.hardware.Precision;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads AMD's AIM profile format as published (one engine x gpu x precision x tp x metric per file).
 * The recipe id is the file's path below the profiles folder, without ".yaml", which AIM keeps unique.
 */
final class AimProfileReader {
    private final HardwareCatalog hardware;

    AimProfileReader(HardwareCatalog hardware) {
        this.hardware = hardware;
    }

    /** AIM writes MXFP4 as "fp4" in metadata (its file names say mxfp4); on Instinct GPUs FP4 means MXFP4. */
    private static Precision precision(String text) {
        return text.equalsIgnoreCase("fp4") ? Precision.MXFP4 : Precision.parse(text);
    }

    Recipe read(String file, String id, YamlNode root, List<InputProblem> problems) {
        MapReader m = new MapReader(file, root, problems);
        int before = problems.size();
        String aimId = m.string("aim_id");
        String checkpoint = m.string("model_id");
        MapReader meta = MapReader.of(file, m.raw("metadata"), "'metadata'", problems);
        Backend backend = null;
        String product = null;
        Integer gpus = null;
        Precision precision = null;
        RecipeType type = null;
        String metric = null;
        Boolean manual = null;
        if (meta != null) {
            backend = meta.oneOf("engine", Backend::parse, "vllm, sglang");
            product = RecipeFields.hardware(meta, "gpu", hardware);
            gpus = meta.integer("gpu_count", 1, 64);
            precision = meta.oneOf("precision", AimProfileReader::precision, Precision.allowed() + ", fp4");
            type = meta.oneOf("type", RecipeType::parse, "optimized, preview, unoptimized, general");
            metric = RecipeFields.metric(meta);
            manual = meta.bool("manual_selection_only");
            for (String key : List.of("engine", "gpu_count", "precision", "type")) {
                if (!meta.has(key)) {
                    meta.problem(meta.node().line(), "metadata lacks '" + key + "'");
                }
            }
            meta.finish();
        }
        List<EngineArg> args = RecipeFields.args(m, "engine_args", false);
        Map<String, String> env = m.stringMap("env_vars");
        m.finish(Set.of());
        if (aimId == null && type != RecipeType.GENERAL && problems.size() == before) {
            m.problem(root.line(), "a model profile needs 'aim_id' (only type: general profiles may leave it out)");
        }
        if (backend != null && gpus != null) {
            RecipeFields.checkTensorParallel(m, backend, gpus, args);
        }
        if (problems.size() > before) {
            return null;
        }
        String served = aimId;
        String loaded = checkpoint != null ? checkpoint : aimId;
        RecipeVariant variant = new RecipeVariant(backend, gpus, true, args, Map.of(), root.line());
        return new Recipe(id, loaded, served, product, precision, type, metric, manual != null && manual, env,
                List.of(variant), "aim", file);
    }
}
