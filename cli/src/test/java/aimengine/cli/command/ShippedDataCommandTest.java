package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `recipes lint` and `models` on the data shipped in the jar. */
class ShippedDataCommandTest {

    @Test
    void lintOfTheShippedRecipesIsClean() {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().endsWith(": clean\n"), r.out());
    }

    @Test
    void modelsListsTheRecipesOfEachModel() throws Exception {
        CliRunner.Result r = CliRunner.withTestHome().run("models", "-o", "json", "--no-builtin-recipes",
                "--recipes", "src/test/resources/recipes-small");
        assertEquals(0, r.exit(), r.all());
        List<String> qwenRecipes = new ArrayList<>();
        for (JsonNode m : new ObjectMapper().readTree(r.out()).get("models")) {
            if (m.get("id").asText().equalsIgnoreCase("Qwen/Qwen3-32B")) {
                m.get("recipes").forEach(x -> qwenRecipes.add(x.asText()));
            }
        }
        assertEquals(List.of("mi300x/bf16"), qwenRecipes);
    }
}
