package aimengine.cli.command;

import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: turns the exceptions of bad input and failed work into one clear line and a documented
 * exit code; stack traces only with --debug or AIM_DEBUG=1.
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    DebugMixin debugMixin;

    protected abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            warnAboutSkippedData(spec);
            return execute();
        } catch (InputException e) {
            for (InputProblem p : e.problems()) {
                err().println("error: " + p);
            }
            debugTrace(e);
            return ExitCodes.BAD_INPUT;
        } catch (ExitException e) {
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                err().println((e.exitCode() == ExitCodes.OK ? "" : "error: ") + e.getMessage());
            }
            debugTrace(e);
            return e.exitCode();
        } catch (UncheckedIOException e) {
            err().println("error: " + e.getCause().getMessage());
            debugTrace(e);
            return ExitCodes.FAILURE;
        } catch (Exception e) {
            err().println("error: internal error: " + e + (debug() ? "" : " (run with --debug for details)"));
            debugTrace(e);
            return ExitCodes.FAILURE;
        }
    }

    protected CliContext context() {
        return ((AimEngineCommand) spec.root().userObject()).context();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected boolean debug() {
        return debugMixin.debug || context().debug();
    }

    /** Data folders (--recipes, --rules, --models) sit in a mixin, possibly inside another (plan options). */
    private void warnAboutSkippedData(CommandSpec command) {
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof DataMixin data) {
                data.skipped(context().workingDirectory()).forEach(p -> err().println("warning: " + p));
            }
            warnAboutSkippedData(mixin);
        }
    }

    private void debugTrace(Exception e) {
        if (debug()) {
            e.printStackTrace(err());
        }
    }
}
