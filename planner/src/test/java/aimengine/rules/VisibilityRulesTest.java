package aimengine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VisibilityRulesTest {
    @Test
    void usableIsTheFewestOfHostContainerAndEngine() {
        var o = new RuleHarness().host("mi300x", 8, 4, 2).model(RuleHarness.LLAMA_70B).run();
        assertEquals(2, o.usable().count());
        assertEquals(8, o.usable().host());
        // One product: no mixed-host statement, and GPUs are usable.
        assertFalse(RuleHarness.decisionRules(o).contains("visibility/mixed-host"));
        assertFalse(RuleHarness.decisionRules(o).contains("visibility/no-usable-gpus"));
    }

    @Test
    void mixedHostPlansForTheLargestGroupAndSaysSo() {
        var o = new RuleHarness().host("mi210", 2, 2, 2).host("mi300x", 4, 4, 4).model(RuleHarness.LLAMA_70B).run();
        assertEquals("mi300x", o.usable().product());
        assertTrue(RuleHarness.decisionRules(o).contains("visibility/mixed-host"));
        assertTrue(o.decisions().stream().anyMatch(d -> d.message().contains("left unused: 2 x mi210")));
    }

    @Test
    void aHiddenGroupDoesNotCount() {
        var o = new RuleHarness().host("mi300x", 8, 0, 0).model(RuleHarness.LLAMA_70B).run();
        assertNull(o.usable());
        assertTrue(RuleHarness.decisionRules(o).contains("visibility/no-usable-gpus"));
        assertTrue(RuleHarness.decisionRules(o).contains("fallback/no-usable-gpus"));
    }
}
