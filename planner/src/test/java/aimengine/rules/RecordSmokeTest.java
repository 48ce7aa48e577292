package aimengine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.plan.Decision;
import aimengine.plan.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

class RecordSmokeTest {
    @Test
    void recordsWork() {
        String drl = """
            package aim.rules;
            import aimengine.plan.Decision;
            import aimengine.plan.Rejection;
            rule "r1"
            when $d : Decision(rule == "x", $m : message)
                 not Rejection(candidate == $m)
            then insert(new Rejection($m, drools.getRule().getName(), "because " + $d.message()));
            end
            """;
        RuleBase rb = RuleBase.compile(List.of(new DrlSource("t.drl", drl)));
        KieSession s = rb.kieBase().newKieSession();
        s.insert(new Decision("x", "c1"));
        int fired = s.fireAllRules();
        assertEquals(1, fired);
        assertEquals(1, s.getObjects(o -> o instanceof Rejection).size());
    }
}
