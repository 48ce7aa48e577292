package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import java.util.Arrays;
import java.util.Set;

/**
 * Starts the built-in rule base before the command line is parsed, for the commands that plan, when their arguments
 * leave the built-in rules in place. In a cold JVM the build-time model takes about as long to load as picocli takes
 * to start; started first, on its own thread, the two overlap instead of following each other.
 */
final class EarlyRules {
    /** The commands that plan on every run. */
    static final Set<Class<?>> PLANNING = Set.of(PlanCommand.class, ConfigCommand.class, RunCommand.class,
            DeployCommand.class);
    /** Arguments after which the built-in rule base is not the one the command will use (or none is used). */
    private static final Set<String> OTHER_RULES = Set.of("--rules", "--no-builtin-rules", "-h", "--help");

    private EarlyRules() {
    }

    /** The context with the built-in rule base building, unless an argument says another (or none) is wanted. */
    static CliContext start(CliContext context, String... args) {
        boolean builtin = Arrays.stream(args).map(a -> a.split("=", 2)[0]).noneMatch(OTHER_RULES::contains);
        if (!builtin) {
            return context;
        }
        DataLoader builtins = new DataLoader(DataOptions.builtins());
        return context.withEarlyRules(builtins.ruleBase(AimPaths.of(context).cache()));
    }
}
