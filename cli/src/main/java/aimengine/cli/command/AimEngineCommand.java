package aimengine.cli.command;

import aimengine.cli.CliContext;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands; running it alone prints the usage. */
@Command(name = "aim-engine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plans and launches LLM inference servers (vLLM, SGLang) on AMD Instinct and other GPUs.",
        subcommands = {
                CommandLine.HelpCommand.class,
                PlanCommand.class,
                ConfigCommand.class,
                RecipesCommand.class,
                ModelsCommand.class,
                DetectCommand.class,
                CacheCommand.class,
                RunCommand.class, LaunchCommand.class, StatusCommand.class, LogsCommand.class, StopCommand.class,
        })
public final class AimEngineCommand implements Runnable {
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

    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AimEngineCommand(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }
}
