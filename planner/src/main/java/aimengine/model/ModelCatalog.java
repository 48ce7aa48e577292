package aimengine.model;

import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlDocument;
import aimengine.yaml.YamlNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped model catalog: one YAML per model with the config.json fields the planner needs, so that planning works
 * without the weights or a network. Format:
 * <pre>
 * id: Qwen/Qwen3-32B
 * aliases: [Qwen/Qwen3-32B-FP8]      # optional: other checkpoints of the same model
 * source: where the config came from
 * config: {model_type: qwen3, hidden_size: 5120, ...}   # fields as in config.json
 * </pre>
 */
public final class ModelCatalog {
    private final Map<String, ModelFacts> byId;
    private final Map<String, ConfigCode> codeById;

    private ModelCatalog(Map<String, ModelFacts> byId, Map<String, ConfigCode> codeById) {
        this.byId = byId;
        this.codeById = codeById;
    }

    public static ModelCatalog load(List<Path> folders) {
        Map<String, ModelFacts> map = new LinkedHashMap<>();
        Map<String, ConfigCode> code = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path folder : folders) {
            for (Path file : DataFolders.find(folder, ".yaml", ".yml")) {
                String name = DataFolders.displayName(file);
                try {
                    YamlNode root = YamlDocument.read(file);
                    MapReader m = MapReader.of(name, root, "a model entry", problems);
                    if (m == null) {
                        continue;
                    }
                    int before = problems.size();
                    String id = m.requiredString("id");
                    List<String> aliases = m.stringList("aliases");
                    m.string("source");
                    YamlNode config = m.raw("config");
                    if (config == null || !config.isMap()) {
                        m.problem(root.line(), "'config' must be a map of config.json fields");
                    }
                    m.finish();
                    if (problems.size() > before) {
                        continue;
                    }
                    JsonNode json = yaml.readTree(Files.readString(file)).get("config");
                    ModelFacts facts = ConfigFacts.from(id, json, name);
                    register(map, id, facts, name, problems);
                    code.put(id.toLowerCase(), ConfigCode.from(json));
                    for (String alias : aliases) {
                        register(map, alias, facts.withId(alias), name, problems);
                        code.put(alias.toLowerCase(), ConfigCode.from(json));
                    }
                } catch (InputException e) {
                    problems.addAll(e.problems());
                } catch (IOException e) {
                    problems.add(new InputProblem(name, 0, "cannot read: " + e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new ModelCatalog(map, code);
    }

    private static void register(Map<String, ModelFacts> map, String id, ModelFacts facts, String file,
                                 List<InputProblem> problems) {
        ModelFacts previous = map.putIfAbsent(id.toLowerCase(), facts);
        if (previous != null) {
            problems.add(new InputProblem(file, 0, "model '" + id + "' is already described by " + previous.source()
                    + "; keep one entry per model (ids and aliases must be unique)"));
        }
    }

    public Optional<ModelFacts> find(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase()));
    }

    /** What the catalog's config of this model says about code (architectures, auto_map). */
    public Optional<ConfigCode> code(String id) {
        return Optional.ofNullable(codeById.get(id.toLowerCase()));
    }

    /** Every catalog model and alias, sorted by id. */
    public Collection<ModelFacts> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(ModelFacts::id)).toList();
    }
}
