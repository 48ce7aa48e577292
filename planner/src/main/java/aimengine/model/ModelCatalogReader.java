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
import java.util.List;

/**
 * Reads model catalog folders: one YAML per model with the config.json fields the planner needs, so that planning works
 * without the weights or a network. Format:
 * <pre>
 * id: Qwen/Qwen3-32B
 * aliases: [Qwen/Qwen3-32B-FP8]      # optional: other checkpoints of the same model
 * source: where the config came from
 * config: {model_type: qwen3, hidden_size: 5120, ...}   # fields as in config.json
 * </pre>
 * Kept apart from {@link ModelCatalog} so that a run that takes the catalog from its compact form never loads the
 * YAML and JSON readers.
 */
public final class ModelCatalogReader {
    private ModelCatalogReader() {
    }

    /**
     * The entries of the YAML files below the folders, aliases after their model.
     *
     * @throws InputException with every problem of every file
     */
    public static List<ModelCatalog.Entry> read(List<Path> folders) {
        List<ModelCatalog.Entry> entries = new ArrayList<>();
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
                    ConfigCode code = ConfigCode.from(json);
                    entries.add(new ModelCatalog.Entry(facts, code));
                    for (String alias : aliases) {
                        entries.add(new ModelCatalog.Entry(facts.withId(alias), code));
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
        return entries;
    }

}
