package aimengine.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * YAML nodes as JSON text. Apart from {@link YamlNode} so that reading YAML (a host profile, say) never loads Jackson:
 * only a recipe flag written as a YAML map needs it.
 */
public final class YamlJson {
    private YamlJson() {
    }

    /**
     * The node as compact JSON text, for engine flags whose value is JSON (vLLM's --compilation-config) and that a
     * recipe writes as a YAML map. Only true/false become JSON booleans; YAML 1.1's yes/no/on/off stay text.
     */
    public static String toJson(YamlNode node) {
        return json(node).toString();
    }

    private static JsonNode json(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (node.kind()) {
            case MAP -> {
                ObjectNode object = f.objectNode();
                node.entries().forEach((k, v) -> object.set(k, json(v)));
                return object;
            }
            case LIST -> {
                ArrayNode array = f.arrayNode();
                node.items().forEach(i -> array.add(json(i)));
                return array;
            }
            case NULL -> {
                return f.nullNode();
            }
            default -> {
                if (node.quoted()) {
                    return f.textNode(node.text());
                }
                if (node.isBoolean() && (node.text().equalsIgnoreCase("true") || node.text().equalsIgnoreCase("false"))) {
                    return f.booleanNode(Boolean.parseBoolean(node.text().toLowerCase()));
                }
                if (node.isNumber()) {
                    try {
                        return f.numberNode(new BigDecimal(node.text().replace("_", "")));
                    } catch (NumberFormatException notDecimal) {
                        // hex, octal, .inf and the like: JSON has no such numbers, so keep them as written
                        return f.textNode(node.text());
                    }
                }
                return f.textNode(node.text());
            }
        }
    }
}
