package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.EarlyRuleBase;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Starts the rule base before the command line is parsed, for the commands that plan. In a cold JVM the rules take
 * about as long to load as picocli takes to start; started first, on their own thread, the two overlap instead of
 * following each other. The rule folders are read from the arguments here, ahead of picocli (--rules DIR,
 * --rules=DIR, --no-builtin-rules); the command checks them against its parsed options and builds its own rule base
 * when they differ, so a misreading costs time, never a wrong plan.
 */
final class EarlyRules {
    /** The commands that plan on every run. */
    static final Set<Class<?>> PLANNING = Set.of(PlanCommand.class, ConfigCommand.class, RunCommand.class,
            DeployCommand.class);

    private EarlyRules() {
    }

    /** The context with the rule base of the arguments' rule folders building; none for --help and --graph. */
    static CliContext start(CliContext context, String... args) {
        List<Path> dirs = new ArrayList<>();
        boolean builtin = true;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            } else if (a.equals("-h") || a.equals("--help") || a.equals("--graph") || a.startsWith("--graph=")) {
                // usage, or plan --graph: the graph of a run, no plan
                return context;
            } else if (a.equals("--no-builtin-rules")) {
                builtin = false;
            } else if (a.equals("--rules") && i + 1 < args.length) {
                dirs.add(context.workingDirectory().resolve(args[++i]).normalize());
            } else if (a.startsWith("--rules=")) {
                dirs.add(context.workingDirectory().resolve(a.substring("--rules=".length())).normalize());
            }
        }
        DataLoader loader = new DataLoader(new DataOptions(List.of(), true, dirs, builtin, List.of()));
        return context.withEarlyRules(new EarlyRuleBase(dirs, builtin, loader.ruleBase(AimPaths.of(context).cache())));
    }
}
