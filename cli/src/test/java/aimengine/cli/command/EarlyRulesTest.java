package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.base.CliContext;
import aimengine.cli.base.EarlyRuleBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule base starts before parsing, for the rule folders the arguments name; the command checks them. */
class EarlyRulesTest {
    @TempDir
    Path home;

    private CliContext context() {
        return new CliContext(Map.of("AIM_CACHE", home.resolve("cache").toString()), home, Path.of("/work"));
    }

    @Test
    void aPlanWithTheBuiltinRulesStartsThemEarly() {
        EarlyRuleBase early = EarlyRules.start(context(), "plan", "--host", "h.yaml", "Qwen/Qwen3-32B").earlyRules();
        assertNotNull(early);
        assertTrue(early.isFor(List.of(), true));
        assertNotNull(early.ruleBase().kieBase(), "the early rule base builds");
    }

    @Test
    void theRuleFoldersOfTheArgumentsAreTheOnesStarted() {
        Path site = Path.of("/work/site");
        assertTrue(EarlyRules.start(context(), "plan", "--rules", "site", "m").earlyRules().isFor(List.of(site), true));
        assertTrue(EarlyRules.start(context(), "plan", "--rules=site", "m").earlyRules().isFor(List.of(site), true));
        EarlyRuleBase noBuiltin = EarlyRules.start(context(), "run", "--no-builtin-rules", "--rules", "/abs/r", "m")
                .earlyRules();
        assertTrue(noBuiltin.isFor(List.of(Path.of("/abs/r")), false));
        assertFalse(noBuiltin.isFor(List.of(Path.of("/abs/r")), true), "the parsed options decide; these differ");
        assertTrue(EarlyRules.start(context(), "plan", "m", "--", "--rules", "x").earlyRules().isFor(List.of(), true),
                "nothing after -- is an option");
    }

    @Test
    void helpAndTheGraphStartNothing() {
        assertNull(EarlyRules.start(context(), "plan", "--help").earlyRules());
        assertNull(EarlyRules.start(context(), "deploy", "-h").earlyRules());
        assertNull(EarlyRules.start(context(), "plan", "m", "--graph", "dot").earlyRules());
    }
}
