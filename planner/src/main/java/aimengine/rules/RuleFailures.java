package aimengine.rules;

import aimengine.io.InputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Turns what a rule threw while planning (division by zero, a null, a throw, unbounded recursion) into one line
 * naming the rule's file, line and name and the exception's message. What no rule can be blamed for is rethrown as
 * it is: that is aim-engine's own failure.
 */
final class RuleFailures {
    /** How the executable model names the rule of a failed condition: "... constraint 'X' in [Rule "NAME" in f0.drl]". */
    private static final Pattern CONSTRAINT = Pattern.compile("constraint '(.*)' in \\[Rule \"([^\"]+)\"");

    private RuleFailures() {
    }

    static RuntimeException explain(Throwable failure, String firingRule, DrlIndex index) {
        if (failure instanceof ConsequenceException ce && ce.getMatch() != null) {
            String rule = ce.getMatch().getRule().getName();
            return problem(index, rule, "rule \"" + rule + "\" failed in its consequence: " + describe(root(failure)));
        }
        Matcher m = CONSTRAINT.matcher(String.valueOf(failure.getMessage()));
        if (m.find()) {
            return problem(index, m.group(2), "rule \"" + m.group(2) + "\" failed in its condition '" + m.group(1)
                    + "': " + describe(root(failure)));
        }
        if (firingRule != null) {
            return problem(index, firingRule, "rule \"" + firingRule + "\" failed in its consequence: "
                    + describe(root(failure)));
        }
        if (failure instanceof StackOverflowError) {
            return new InputException("a rule condition recursed without end (StackOverflowError)");
        }
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(failure);
    }

    private static InputException problem(DrlIndex index, String rule, String message) {
        return new InputException(List.of(index.problem(rule, message)));
    }

    private static Throwable root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "unbounded recursion (StackOverflowError)";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
