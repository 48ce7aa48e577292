package aimengine.engine;

import aimengine.generate.EngineEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineEnvironmentTest {
    @Test
    void refusesLineBreaksNulAndBadNames() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OK", "a b=c");
        env.put("NL", "a\nb");
        env.put("CR", "a\rb");
        env.put("NUL", "a\0b");
        env.put("A=B", "x");
        assertEquals(List.of(
                "environment variable NL: the value contains a line break; give it on one line",
                "environment variable CR: the value contains a line break; give it on one line",
                "environment variable NUL: the value contains a NUL character",
                "environment variable 'A=B' has no valid name (empty, '=' or NUL)"), EngineEnvironment.problems(env));
    }
}
