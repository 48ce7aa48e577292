package aimengine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.PlanRequest;
import aimengine.io.InputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site rule that loops, throws or reaches outside the process must end planning with the rule's file, line and
 * name (exit 2 in the CLI), never hang, crash with a stack trace or end the process.
 */
class CustomRuleSafetyTest {
    private static final String FILE = "site/x.drl";
    private static final String HEAD = "package aim.rules.site;\nimport aimengine.facts.PlanRequest;\n"
            + "import aimengine.facts.Decision;\n";
    /** A short deadline: the consequence that never returns must not hold the test for the default 10 s. */
    private static final RuleBudget BUDGET = new RuleBudget(100, 10_000, Duration.ofSeconds(2));

    private static PlanningSession.Outcome plan(String rules) {
        RuleBase base = RuleBase.compile(List.of(new DrlSource(FILE, HEAD + rules)));
        return new PlanningSession(base, BUDGET).run(List.of(new PlanRequest("m", 0, null, "vllm", "latency", null, false)));
    }

    private static String failure(String rules) {
        return assertThrows(InputException.class, () -> plan(rules)).getMessage();
    }

    @Test
    void aRuleThatModifiesWhatItMatchesIsStoppedAtTheFiringCap() {
        String m = failure("rule \"loop\"\nwhen\n  $r : PlanRequest()\nthen\n  modify($r) {}\nend\n");
        assertTrue(m.startsWith(FILE + ":4: rule \"loop\" keeps the rules firing: planning stopped after 10000 rule "
                + "firings"), m);
    }

    @Test
    void updateLoopsAreStoppedToo() {
        // Stopped by the cap or, on a slow machine, by the deadline between two firings: either way it is named.
        String m = failure("rule \"again\"\nwhen\n  $r : PlanRequest()\nthen\n  update($r);\nend\n");
        assertTrue(m.startsWith(FILE + ":4: rule \"again\" keeps the rules firing: planning stopped after "), m);
    }

    @Test
    void aConsequenceThatNeverReturnsIsStoppedAtTheDeadline() {
        String m = failure("rule \"spin\"\nwhen\n  PlanRequest()\nthen\n  while (true) { }\nend\n");
        assertEquals(FILE + ":4: rule \"spin\" was still running after 2 s: planning stopped (a loop in the rule's "
                + "consequence?)", m);
    }

    @Test
    void aConsequenceThatThrowsIsReportedWithTheRule() {
        String m = failure("\n\nrule \"div\"\nwhen\n  PlanRequest()\nthen\n  int z = 0;\n  insert(new Decision(\"d\", \"\" + 1 / z));\nend\n");
        assertEquals(FILE + ":6: rule \"div\" failed in its consequence: ArithmeticException: / by zero", m);
        String thrown = failure("rule \"throws\"\nwhen\n  PlanRequest()\nthen\n  throw new IllegalStateException(\"site says no\");\nend\n");
        assertEquals(FILE + ":4: rule \"throws\" failed in its consequence: IllegalStateException: site says no", thrown);
    }

    @Test
    void aConditionThatThrowsIsReportedWithTheRule() {
        String m = failure("rule \"npe\"\nwhen\n  PlanRequest( precision.length() > 1 )\nthen\nend\n");
        assertTrue(m.startsWith(FILE + ":4: rule \"npe\" failed in its condition 'precision.length() > 1': "
                + "NullPointerException"), m);
    }

    @Test
    void unboundedRecursionIsReportedWithTheRule() {
        String m = failure("function int down(int n) { return down(n + 1) + 1; }\n"
                + "rule \"deep\"\nwhen\n  PlanRequest()\nthen\n  insert(new Decision(\"d\", \"\" + down(0)));\nend\n");
        assertEquals(FILE + ":5: rule \"deep\" failed in its consequence: unbounded recursion (StackOverflowError)", m);
    }

    @Test
    void callsThatEndOrEscapeTheProcessAreRefusedWhenCompiling() {
        InputException e = assertThrows(InputException.class, () -> RuleBase.compile(List.of(new DrlSource(FILE, HEAD
                + "rule \"bye\"\nwhen\n  PlanRequest()\nthen\n  System.exit(77);\n"
                + "  Runtime.getRuntime().halt(1);\n  new ProcessBuilder(\"sh\").start();\n"
                + "  PlanRequest.class.getDeclaredMethods();\nend\n"))));
        assertEquals(List.of(8, 9, 10, 11), e.problems().stream().map(p -> p.line()).toList());
        assertTrue(e.problems().get(0).toString().startsWith(FILE + ":8: 'System.exit' is not allowed in site rules"),
                e.getMessage());
    }

    @Test
    void theGuardDoesNotFireOnCommentsStringsOrTheBuiltInRules() {
        String rules = "// System.exit is not called here\nrule \"fine\"\nwhen\n  PlanRequest()\nthen\n"
                + "  insert(new Decision(\"d\", \"no Runtime.getRuntime() here\"));\nend\n";
        assertEquals(List.of(), SiteRuleGuard.problems(new DrlSource(FILE, HEAD + rules)));
        assertFalse(plan(rules).decisions().isEmpty());
        SiteRuleGuard.check(List.of(new DrlSource("builtin:rules/x.drl", "System.exit(1)")));
    }

    @Test
    void aParseErrorInAConsequenceIsOneShortLineAtItsLine() {
        InputException e = assertThrows(InputException.class, () -> RuleBase.compile(List.of(new DrlSource(FILE, HEAD
                + "rule \"parse\"\nwhen\n  PlanRequest()\nthen\n  int x = ;\nend\n"))));
        assertEquals(1, e.problems().size(), e.getMessage());
        String line = e.problems().get(0).toString();
        assertTrue(line.startsWith(FILE + ":8: "), line);
        assertTrue(line.length() < 200 && !line.contains("stacktrace") && !line.contains("expected one of"), line);
    }
}
