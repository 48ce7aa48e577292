package aimengine.yaml;

import aimengine.io.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that remembers its line, so that every problem we report can name it.
 * Scalars keep their text and whether they were written as a plain null, a boolean, a number or a quoted string.
 */
public final class YamlNode {
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final int line;
    private final String text;
    private final Tag tag;
    private final boolean quoted;
    private final Map<String, YamlNode> entries;
    private final Map<String, Integer> keyLines;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, int line, String text, Tag tag, boolean quoted,
                     Map<String, YamlNode> entries, Map<String, Integer> keyLines, List<YamlNode> items) {
        this.kind = kind;
        this.line = line;
        this.text = text;
        this.tag = tag;
        this.quoted = quoted;
        this.entries = entries;
        this.keyLines = keyLines;
        this.items = items;
    }

    /**
     * Most nodes a document may expand to. Aliases let a small file expand exponentially ("billion laughs"); no recipe,
     * profile or catalog comes near this.
     */
    static final int MAX_NODES = 200_000;

    static YamlNode of(Node node, String file) {
        return of(node, file, new int[] {0});
    }

    private static YamlNode of(Node node, String file, int[] count) {
        int line = node.getStartMark().getLine() + 1;
        if (++count[0] > MAX_NODES) {
            throw new InputException(file, line, "the document expands to more than " + MAX_NODES
                    + " values (aliases expanding into each other?); expected a recipe or profile");
        }
        if (node instanceof MappingNode map) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                Node key = tuple.getKeyNode();
                int keyLine = key.getStartMark().getLine() + 1;
                if (!(key instanceof ScalarNode scalarKey)) {
                    throw new InputException(file, keyLine, "a key must be a plain word, not a list or a map");
                }
                // The composer keeps duplicate keys (only the constructor would refuse them), so refuse them here.
                Integer first = keyLines.putIfAbsent(scalarKey.getValue(), keyLine);
                if (first != null) {
                    throw new InputException(file, keyLine, "duplicate key '" + scalarKey.getValue()
                            + "' (first on line " + first + "); give each key once");
                }
                entries.put(scalarKey.getValue(), of(tuple.getValueNode(), file, count));
            }
            return new YamlNode(Kind.MAP, line, null, node.getTag(), false, entries, keyLines, List.of());
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(of(item, file, count));
            }
            return new YamlNode(Kind.LIST, line, null, node.getTag(), false, Map.of(), Map.of(), items);
        }
        ScalarNode scalar = (ScalarNode) node;
        boolean quoted = scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        Kind kind = !quoted && Tag.NULL.equals(scalar.getTag()) ? Kind.NULL : Kind.SCALAR;
        return new YamlNode(kind, line, scalar.getValue(), scalar.getTag(), quoted, Map.of(), Map.of(), List.of());
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The scalar's text as written (without quotes); null for maps, lists and nulls. */
    public String text() {
        return text;
    }

    /** True when the scalar was written quoted, so "8" is a string and 8 is a number. */
    public boolean quoted() {
        return quoted;
    }

    public boolean isBoolean() {
        return kind == Kind.SCALAR && Tag.BOOL.equals(tag);
    }

    public boolean isInteger() {
        return kind == Kind.SCALAR && Tag.INT.equals(tag);
    }

    public boolean isNumber() {
        return kind == Kind.SCALAR && (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag));
    }

    public Map<String, YamlNode> entries() {
        return entries;
    }

    public int keyLine(String key) {
        return keyLines.getOrDefault(key, line);
    }

    public List<YamlNode> items() {
        return items;
    }

    /** Describes the node's type the way a user would: for messages such as "expected a number, found a list". */
    public String describe() {
        return switch (kind) {
            case MAP -> "a map";
            case LIST -> "a list";
            case NULL -> "nothing (null)";
            case SCALAR -> isBoolean() ? "the boolean " + text : isNumber() ? "the number " + text : "the text '" + text + "'";
        };
    }
}
