package aimengine.rules;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;

/** The built-in DRL compiled once per test JVM (compiling takes seconds), shared by every test that runs the rules. */
public final class BuiltinRules {
    public static final DataLoader DATA = new DataLoader(DataOptions.builtins());
    public static final RuleBase RULES = RuleBase.compile(DATA.drl());

    private BuiltinRules() {
    }
}
