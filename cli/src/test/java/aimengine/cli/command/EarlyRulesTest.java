package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import aimengine.cli.base.CliContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rule base starts before parsing only when the command will plan with it. */
class EarlyRulesTest {
    @TempDir
    Path home;

    private CliContext context() {
        return new CliContext(Map.of("AIM_CACHE", home.resolve("cache").toString()), home, Path.of(""));
    }

    @Test
    void aPlanWithTheBuiltinRulesStartsThemEarly() {
        CliContext started = EarlyRules.start(context(), "plan", "--host", "h.yaml", "Qwen/Qwen3-32B");
        assertNotNull(started.earlyRules());
        assertNotNull(started.earlyRules().kieBase(), "the early rule base builds");
    }

    @Test
    void otherRulesOrHelpStartNothing() {
        assertNull(EarlyRules.start(context(), "plan", "--rules", "site", "m").earlyRules());
        assertNull(EarlyRules.start(context(), "plan", "--rules=site", "m").earlyRules());
        assertNull(EarlyRules.start(context(), "run", "--no-builtin-rules", "--rules", "site", "m").earlyRules());
        assertNull(EarlyRules.start(context(), "plan", "--help").earlyRules());
    }
}
