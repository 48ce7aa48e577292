package aimengine.model;

import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model catalog: the config.json facts the planner needs of the shipped models (and of --models folders), by id
 * and alias, so that planning works without the weights or a network. {@link ModelCatalogReader} reads its YAML.
 */
public final class ModelCatalog {
    private final Map<String, Entry> byId;

    private ModelCatalog(Map<String, Entry> byId) {
        this.byId = byId;
    }

    /**
     * One catalog id (a model or an alias) with its facts and what its config says about code.
     *
     * @param facts the facts, with this id
     * @param code  the config's architectures and auto_map
     */
    public record Entry(ModelFacts facts, ConfigCode code) {
    }

    /**
     * The catalog of these entries, in order.
     *
     * @throws InputException naming each id described twice (ids and aliases, compared case-insensitively)
     */
    public static ModelCatalog of(List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Entry e : entries) {
            register(map, e, problems);
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new ModelCatalog(map);
    }

    /** Reads the YAML of the folders (see {@link ModelCatalogReader}). */
    public static ModelCatalog load(List<Path> folders) {
        return of(ModelCatalogReader.read(folders));
    }

    private static void register(Map<String, Entry> map, Entry entry, List<InputProblem> problems) {
        Entry previous = map.putIfAbsent(entry.facts().id().toLowerCase(), entry);
        if (previous != null) {
            problems.add(new InputProblem(entry.facts().source(), 0, "model '" + entry.facts().id()
                    + "' is already described by " + previous.facts().source()
                    + "; keep one entry per model (ids and aliases must be unique)"));
        }
    }

    /** Every entry, in catalog order: what the compact form of the catalog keeps. */
    public List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    public Optional<ModelFacts> find(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase())).map(Entry::facts);
    }

    /** What the catalog's config of this model says about code (architectures, auto_map). */
    public Optional<ConfigCode> code(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase())).map(Entry::code);
    }

    /** Every catalog model and alias, sorted by id. */
    public Collection<ModelFacts> all() {
        return byId.values().stream().map(Entry::facts).sorted(java.util.Comparator.comparing(ModelFacts::id)).toList();
    }
}
