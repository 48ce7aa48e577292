package aimengine.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.PlanRequest;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom rules: compiled once, cached by content, never served stale; DRL errors name file and line. */
class RuleBasesTest {
    @TempDir
    Path cacheDir;

    private static DrlSource echo(String verb) {
        return new DrlSource("custom/echo.drl", """
                package custom;
                import aimengine.facts.PlanRequest;
                import aimengine.facts.Decision;

                rule "custom/echo"
                when
                    $q : PlanRequest()
                then
                    insert(new Decision(drools.getRule().getName(), "%s " + $q.model()));
                end
                """.formatted(verb));
    }

    private RuleBases bases() {
        return new RuleBases(new RuleCache(cacheDir, "test build"), getClass().getClassLoader());
    }

    private static String decide(RuleBase rules) {
        var outcome = new PlanningSession(rules).run(List.of(
                new PlanRequest("org/model", 0, null, "vllm", "latency", null, false)));
        assertEquals(1, outcome.decisions().size());
        return outcome.decisions().get(0).message();
    }

    @Test
    void customRulesAreCompiledOnceThenLoadedFromTheCache() throws Exception {
        List<DrlSource> drl = List.of(echo("serving"));
        RuleBases.Loaded first = bases().load(() -> drl, false);
        assertEquals(RuleBases.Origin.COMPILED, first.origin());
        assertEquals("serving org/model", decide(first.ruleBase()));
        Path entry = new RuleCache(cacheDir, "test build").file(new RuleCache(cacheDir, "test build").key(drl));
        assertTrue(Files.isRegularFile(entry), "cached jar " + entry);

        RuleBases.Loaded second = bases().load(() -> drl, false);
        assertEquals(RuleBases.Origin.CACHE, second.origin());
        assertEquals("serving org/model", decide(second.ruleBase()));
    }

    @Test
    void aChangedRuleFileIsCompiledAgainNotServedStale() {
        assertEquals(RuleBases.Origin.COMPILED, bases().load(() -> List.of(echo("serving")), false).origin());
        RuleBases.Loaded changed = bases().load(() -> List.of(echo("planning")), false);
        assertEquals(RuleBases.Origin.COMPILED, changed.origin());
        assertEquals("planning org/model", decide(changed.ruleBase()));
    }

    @Test
    void theKeyCoversTheTextsTheirOrderAndTheBuild() {
        RuleCache cache = new RuleCache(cacheDir, "build 1");
        DrlSource a = echo("a");
        DrlSource b = echo("b");
        assertEquals(cache.key(List.of(a, b)), cache.key(List.of(new DrlSource("elsewhere.drl", a.text()), b)));
        assertNotEquals(cache.key(List.of(a, b)), cache.key(List.of(b, a)));
        assertNotEquals(cache.key(List.of(a, b)), new RuleCache(cacheDir, "build 2").key(List.of(a, b)));
        assertNotEquals(cache.key(List.of(new DrlSource("x", "ab"), new DrlSource("y", "c"))),
                cache.key(List.of(new DrlSource("x", "a"), new DrlSource("y", "bc"))));
    }

    @Test
    void aDamagedCacheEntryIsCompiledAgainAndReplaced() throws Exception {
        List<DrlSource> drl = List.of(echo("serving"));
        RuleCache cache = new RuleCache(cacheDir, "test build");
        Files.write(cache.file(cache.key(drl)), new byte[] {'P', 'K', 3, 4, 0, 0});
        RuleBases.Loaded loaded = bases().load(() -> drl, false);
        assertEquals(RuleBases.Origin.COMPILED, loaded.origin());
        assertEquals("serving org/model", decide(loaded.ruleBase()));
        assertEquals(RuleBases.Origin.CACHE, bases().load(() -> drl, false).origin());
    }

    @Test
    void anUnwritableCacheStillPlans() throws Exception {
        Path notADir = Files.writeString(cacheDir.resolve("file"), "x");
        RuleCache cache = new RuleCache(notADir.resolve("rules"), "test build");
        assertFalse(cache.write("k", new byte[] {1}));
        RuleBases.Loaded loaded = new RuleBases(cache, getClass().getClassLoader())
                .load(() -> List.of(echo("serving")), false);
        assertEquals("serving org/model", decide(loaded.ruleBase()));
    }

    @Test
    void writesAreWholeFilesAndLeaveNoTemporaries() throws Exception {
        RuleCache cache = new RuleCache(cacheDir.resolve("rules"), "test build");
        byte[] bytes = {1, 2, 3};
        assertTrue(cache.write("k", bytes));
        assertTrue(cache.write("k", bytes));
        assertArrayEquals(bytes, cache.read("k").orElseThrow());
        try (var files = Files.list(cache.dir())) {
            assertEquals(List.of("k.jar"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aDrlErrorNamesTheFileAndLine() throws Exception {
        DrlSource bad = new DrlSource("custom/bad.drl", """
                package custom;
                import aimengine.facts.PlanRequest;

                rule "custom/bad"
                when
                    $q : PlanRequest( noSuchField > 2 )
                then
                end
                """);
        InputException e = assertThrows(InputException.class, () -> bases().load(() -> List.of(echo("ok"), bad), false));
        InputProblem p = e.problems().get(0);
        assertEquals("custom/bad.drl", p.file());
        assertEquals(6, p.line());
        assertTrue(p.message().contains("noSuchField"), p.message());
        try (var files = Files.list(cacheDir)) {
            assertEquals(0, files.count(), "nothing cached for rules that do not compile");
        }
    }

    @Test
    void aSyntaxErrorIsOneProblemWithItsLine() {
        DrlSource bad = new DrlSource("custom/syntax.drl",
                "package custom;\n\nrule \"x\"\nwhen\n    Nonsense(\nthen\nend\n");
        InputException e = assertThrows(InputException.class, () -> bases().load(() -> List.of(bad), false));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("custom/syntax.drl", e.problems().get(0).file());
        assertTrue(e.problems().get(0).line() >= 5, e.getMessage());
    }

    @Test
    void aConstructOnlyTheExecutableModelRejectsIsReportedWithItsFile() {
        // 'before' is also a temporal operator: the executable model reads before($r) as one, the classic compiler
        // as a method call. The built-in preference rules write this.before($r) for that reason.
        DrlSource temporal = new DrlSource("custom/rank.drl", """
                package custom;
                import aimengine.facts.Rank;

                rule "custom/first"
                when
                    $r : Rank()
                    not Rank( this != $r, before($r) )
                then
                end
                """);
        InputException e = assertThrows(InputException.class, () -> bases().load(() -> List.of(temporal), false));
        assertEquals("custom/rank.drl", e.problems().get(0).file());
        assertTrue(e.getMessage().contains("before"), e.getMessage());
    }

    @Test
    void theCacheFolderIsAimCacheElseUnderHome() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/c"), RuleCache.defaultRoot(Map.of("AIM_CACHE", "/c"), home));
        assertEquals(home.resolve(".cache/aim-engine"), RuleCache.defaultRoot(Map.of("AIM_CACHE", " "), home));
        assertEquals(home.resolve(".cache/aim-engine"), RuleCache.defaultRoot(Map.of(), home));
    }
}
