package aimengine.cli.command;

import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root command: lists the subcommands; running it alone prints the usage. Subcommands are registered by
 * {@link #commandLine}: only the one being run when the first argument names it, since building every subcommand's
 * model costs a short-lived CLI noticeable start-up time; none for --version; all of them otherwise (usage, help, a
 * mistyped name).
 */
@Command(name = "aim-engine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plans and launches LLM inference servers (vLLM, SGLang) on AMD Instinct and other GPUs.")
public final class AimEngineCommand implements Runnable {
    /**
     * Every subcommand by its name, in the order the usage lists them. The names repeat the @Command names so that
     * finding the one being run reads no annotation (reflection over a dozen classes and the subcommands they name
     * cost a cold JVM tens of milliseconds); a test holds the two together.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands("help", CommandLine.HelpCommand.class,
            "plan", PlanCommand.class, "config", ConfigCommand.class, "deploy", DeployCommand.class,
            "recipes", RecipesCommand.class, "models", ModelsCommand.class, "detect", DetectCommand.class,
            "cache", CacheCommand.class, "run", RunCommand.class, "launch", LaunchCommand.class,
            "status", StatusCommand.class, "logs", LogsCommand.class, "stop", StopCommand.class);

    private final CliContext context;

    public AimEngineCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a subcommand is required");
    }

    /** @param args the arguments about to be executed; the first may name the one subcommand to register */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        // help lists every subcommand, so it is never the only one
        Class<?> only = args.length == 0 || args[0].equals("help") ? null : SUBCOMMANDS.get(args[0]);
        CommandLine cli = new CommandLine(new AimEngineCommand(only != null && EarlyRules.PLANNING.contains(only)
                ? EarlyRules.start(context, args) : context));
        // The version needs no subcommand at all: building their models would load what they use (Jackson, say).
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        for (Class<?> sub : versionOnly ? List.<Class<?>>of() : only != null ? List.of(only) : SUBCOMMANDS.values()) {
            cli.addSubcommand(sub);
        }
        cli.setDefaultValueProvider(new EnvironmentDefaults(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        });
        cli.setParameterExceptionHandler((e, given) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }

    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            map.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
