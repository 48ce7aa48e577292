package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --rules DRL is compiled once and cached under AIM_CACHE by content: an edited file is compiled again. */
class CustomRulesCacheTest {
    @TempDir
    Path home;

    @TempDir
    Path rules;

    @TempDir
    Path cache;

    private static String siteRule(String reason) {
        return """
                package aim.rules;
                import aimengine.facts.Candidate;
                import aimengine.facts.Rejection;

                rule "site/closed"
                    salience 90
                when
                    $c : Candidate()
                then
                    insert(new Rejection($c.key(), drools.getRule().getName(), "%s"));
                end
                """.formatted(reason);
    }

    private CliRunner.Result plan() {
        return new CliRunner(home).env("AIM_CACHE", cache.toString()).run("plan", "Qwen/Qwen3-32B", "--host",
                CliRunner.ROOT.resolve("examples/hosts/mi300x-8.yaml").toString(), "--rules", rules.toString(),
                "--explain");
    }

    private List<String> cachedJars() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("rules"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void compiledOnceCachedAndNeverServedStale() throws IOException {
        Files.writeString(rules.resolve("site.drl"), siteRule("closed for maintenance"));
        CliRunner.Result first = plan();
        assertEquals(3, first.exit(), first.err());
        assertTrue(first.out().contains("site/closed: closed for maintenance"), first.out());
        List<String> afterFirst = cachedJars();
        assertEquals(1, afterFirst.size(), afterFirst.toString());
        assertTrue(afterFirst.get(0).matches("[0-9a-f]{64}\\.jar"), afterFirst.toString());

        CliRunner.Result second = plan();
        assertEquals(first, second);
        assertEquals(afterFirst, cachedJars());

        Files.writeString(rules.resolve("site.drl"), siteRule("closed until Monday"));
        CliRunner.Result edited = plan();
        assertEquals(3, edited.exit(), edited.err());
        assertTrue(edited.out().contains("site/closed: closed until Monday"), edited.out());
        assertEquals(2, cachedJars().size());
    }
}
