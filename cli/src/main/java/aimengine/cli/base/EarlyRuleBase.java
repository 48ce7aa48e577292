package aimengine.cli.base;

import aimengine.rules.RuleBase;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule base started before the command line was parsed, with the rule folders it was started for (read from the
 * arguments ahead of picocli). The command uses it only when its parsed options name the same folders.
 *
 * @param rulesDirs    the --rules folders, resolved as the options resolve them
 * @param builtinRules false when --no-builtin-rules was given
 */
public record EarlyRuleBase(List<Path> rulesDirs, boolean builtinRules, RuleBase ruleBase) {
    public EarlyRuleBase {
        rulesDirs = List.copyOf(rulesDirs);
    }

    public boolean isFor(List<Path> dirs, boolean builtin) {
        return rulesDirs.equals(dirs) && builtinRules == builtin;
    }
}
