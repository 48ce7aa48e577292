package aimengine.rules;

import java.util.List;
import org.kie.api.KieBase;

/**
 * A compiled rule set, ready for planning sessions. See {@link RuleBases} for where one comes from on a command's
 * start (built-in model, cache or compiled now).
 */
public final class RuleBase {
    private final KieBase kieBase;

    private RuleBase(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    public static RuleBase of(KieBase kieBase) {
        return new RuleBase(kieBase);
    }

    /**
     * Compiles DRL into the Drools executable model, uncached. A DRL error becomes an
     * {@link aimengine.yaml.InputException} with file, line and message.
     */
    public static RuleBase compile(List<DrlSource> sources) {
        return RuleCompiler.load(new RuleCompiler().compile(sources), RuleBase.class.getClassLoader());
    }

    public KieBase kieBase() {
        return kieBase;
    }
}
