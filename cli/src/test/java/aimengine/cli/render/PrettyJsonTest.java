package aimengine.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming writer gives exactly the text of an ObjectMapper with INDENT_OUTPUT, objects inside a tree included. */
class PrettyJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Reading(String name, double value, List<Integer> ids) {
    }

    @Test
    void aTreeWithEveryKindOfNodeReadsAsTheMapperWritesIt() throws Exception {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("text", "a \"quoted\" é").put("int", 7).put("long", 1L << 40).put("double", 0.9).put("float", 1.5f)
                .put("decimal", new BigDecimal("192.0")).put("yes", true).putNull("nothing");
        n.putArray("empty");
        n.putObject("inner").putArray("list").add(1).add("two").addObject().put("three", 3);
        n.putPOJO("pojo", new Reading("gpu", 0.5, List.of(1, 2)));
        n.putPOJO("map", Map.of("k", List.of("v")));
        assertEquals(MAPPER.writeValueAsString(n) + "\n", PrettyJson.of(n));
    }

    @Test
    void plainObjectsGoThroughTheMapper() throws Exception {
        Object value = Map.of("recipes", List.of(new Reading("x", 1.0, List.of())));
        assertEquals(MAPPER.writeValueAsString(value) + "\n", PrettyJson.of(value));
    }
}
