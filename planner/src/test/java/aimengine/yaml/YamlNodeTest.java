package aimengine.yaml;

import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YamlNodeTest {

    @Test
    void mapBecomesCompactJsonWithTypedScalars() {
        YamlNode root = YamlDocument.parse("t.yaml", """
                cc: {mode: FULL, level: 3, ratio: 0.5, on: true, sizes: [1, 2], quoted: "7", flag: yes, none: null}
                """);
        assertEquals("{\"mode\":\"FULL\",\"level\":3,\"ratio\":0.5,\"on\":true,\"sizes\":[1,2],\"quoted\":\"7\","
                + "\"flag\":\"yes\",\"none\":null}", YamlJson.toJson(root.entries().get("cc")));
    }

    @Test
    void yesIsNotABoolean() {
        List<InputProblem> problems = new ArrayList<>();
        MapReader m = new MapReader("t.yaml", YamlDocument.parse("t.yaml", "enabled: yes\n"), problems);
        assertNull(m.bool("enabled"));
        assertEquals(List.of(new InputProblem("t.yaml", 1, "'enabled' must be true or false, found the boolean yes")), problems);
    }

    @Test
    void duplicateKeysAreRefusedWithBothLines() {
        InputException e = assertThrows(InputException.class, () -> YamlDocument.parse("t.yaml", "a: 1\nb: 2\na: 3\n"));
        assertEquals(List.of(new InputProblem("t.yaml", 3, "duplicate key 'a' (first on line 1); give each key once")),
                e.problems());
    }

    @Test
    void numberTooLargeSaysSo() {
        List<InputProblem> problems = new ArrayList<>();
        MapReader m = new MapReader("t.yaml", YamlDocument.parse("t.yaml", "count: 99999999999999999999\n"), problems);
        assertNull(m.integer("count", 1, 1024));
        assertEquals("'count' is 99999999999999999999; it must be between 1 and 1024", problems.get(0).message());
    }
}
