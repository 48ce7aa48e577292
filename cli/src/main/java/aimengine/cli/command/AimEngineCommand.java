package aimengine.cli.command;

import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
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
    /** Every subcommand, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CommandLine.HelpCommand.class, PlanCommand.class,
            ConfigCommand.class, DeployCommand.class, RecipesCommand.class, ModelsCommand.class, DetectCommand.class, CacheCommand.class,
            RunCommand.class, LaunchCommand.class, StatusCommand.class, LogsCommand.class, StopCommand.class);

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
        Class<?> only = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        CommandLine cli = new CommandLine(new AimEngineCommand(EarlyRules.PLANNING.contains(only)
                ? EarlyRules.start(context, args) : context));
        // The version needs no subcommand at all: building their models would load what they use (Jackson, say).
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        for (Class<?> sub : versionOnly ? List.<Class<?>>of() : only != null ? List.of(only) : SUBCOMMANDS) {
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
}
