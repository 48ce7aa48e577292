package aimengine.yaml;

import aimengine.io.InputProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the keys of one YAML map strictly: each getter records a problem instead of throwing, so a file's
 * problems are reported together; {@link #finish()} adds every key nobody asked for as "unknown key".
 */
public final class MapReader {
    private final String file;
    private final YamlNode map;
    private final List<InputProblem> problems;
    private final Set<String> seen = new HashSet<>();

    public MapReader(String file, YamlNode map, List<InputProblem> problems) {
        this.file = file;
        this.map = map;
        this.problems = problems;
    }

    /** Reads a map node, or records "expected a map" and returns null. */
    public static MapReader of(String file, YamlNode node, String what, List<InputProblem> problems) {
        if (node == null || !node.isMap()) {
            problems.add(new InputProblem(file, node == null ? 0 : node.line(),
                    what + " must be a map (key: value), found " + (node == null ? "nothing" : node.describe())));
            return null;
        }
        return new MapReader(file, node, problems);
    }

    public String file() {
        return file;
    }

    public YamlNode node() {
        return map;
    }

    public List<InputProblem> problems() {
        return problems;
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    public YamlNode raw(String key) {
        seen.add(key);
        return map.entries().get(key);
    }

    public int lineOf(String key) {
        return map.keyLine(key);
    }

    public void problem(int line, String message) {
        problems.add(new InputProblem(file, line, message));
    }

    public String requiredString(String key) {
        String value = string(key);
        if (value == null && !has(key)) {
            problem(map.line(), "missing required key '" + key + "'");
        }
        return value;
    }

    public String string(String key) {
        YamlNode node = raw(key);
        if (node == null) {
            return null;
        }
        if (!node.isScalar()) {
            problem(node.line(), "'" + key + "' must be text, found " + node.describe());
            return null;
        }
        if (node.text().isBlank()) {
            problem(node.line(), "'" + key + "' is empty");
            return null;
        }
        return node.text();
    }

    public Integer integer(String key, long min, long max) {
        YamlNode node = raw(key);
        if (node == null) {
            return null;
        }
        return Scalars.integer(file, key, node, min, max, problems);
    }

    public Double number(String key, double min, double max) {
        YamlNode node = raw(key);
        if (node == null) {
            return null;
        }
        return Scalars.number(file, key, node, min, max, problems);
    }

    public Boolean bool(String key) {
        YamlNode node = raw(key);
        if (node == null) {
            return null;
        }
        // YAML 1.1 also reads yes/no/on/off as booleans; accepting only true/false keeps "yes" from meaning false.
        if (!node.isBoolean() || !(node.text().equalsIgnoreCase("true") || node.text().equalsIgnoreCase("false"))) {
            problem(node.line(), "'" + key + "' must be true or false, found " + node.describe());
            return null;
        }
        return Boolean.parseBoolean(node.text().toLowerCase());
    }

    /** A map of text to text (environment variables). Numbers and booleans are accepted as their text. */
    public Map<String, String> stringMap(String key) {
        YamlNode node = raw(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isMap()) {
            problem(node.line(), "'" + key + "' must be a map of NAME: value, found " + node.describe());
            return result;
        }
        node.entries().forEach((name, value) -> {
            if (!value.isScalar()) {
                problem(value.line(), "'" + key + "." + name + "' must be a text value, found " + value.describe());
            } else {
                result.put(name, value.text());
            }
        });
        return result;
    }

    public List<String> stringList(String key) {
        YamlNode node = raw(key);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isList()) {
            problem(node.line(), "'" + key + "' must be a list, found " + node.describe());
            return result;
        }
        for (YamlNode item : node.items()) {
            if (!item.isScalar()) {
                problem(item.line(), "items of '" + key + "' must be text, found " + item.describe());
            } else {
                result.add(item.text());
            }
        }
        return result;
    }

    /** A value that must be one of a set of words (case-insensitive), returned lower-case. */
    public <T> T oneOf(String key, Function<String, T> lookup, String allowed) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        T found = lookup.apply(value.toLowerCase());
        if (found == null) {
            problem(raw(key).line(), "'" + key + "' has unknown value '" + value + "'; expected one of " + allowed);
        }
        return found;
    }

    /** Records every key that no getter asked for. Call once, after reading. */
    public void finish() {
        finish(Set.of());
    }

    public void finish(Set<String> alsoAllowed) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(map.entries());
        entries.keySet().removeAll(seen);
        entries.keySet().removeAll(alsoAllowed);
        List<String> known = new ArrayList<>(seen);
        known.addAll(alsoAllowed);
        known.sort(null);
        for (String key : entries.keySet()) {
            problem(map.keyLine(key), "unknown key '" + key + "'" + Suggest.closest(key, known)
                    .map(s -> " (did you mean '" + s + "'?)").orElse(""));
        }
    }
}
