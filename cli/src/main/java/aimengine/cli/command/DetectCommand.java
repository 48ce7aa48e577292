package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.render.HostViewDocument;
import aimengine.cli.render.HostViewRenderer;
import aimengine.data.DataLoader;
import aimengine.probe.Detection;
import aimengine.probe.HostProfileWriter;
import aimengine.probe.HostView;
import aimengine.probe.MissingGpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `aim-engine detect`: what GPUs the host, the container and the engine see. */
@Command(name = "detect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Detects the GPUs of this machine and what the container and the engine can see of them.",
                "Exit code 3 when no GPU of the hardware catalog is found."})
public final class DetectCommand extends BaseCommand {
    public enum Format { text, json, yaml }

    /** --rules DIR brings hardware/*.yaml entries for products the built-in catalog does not know. */
    @Mixin
    DataMixin data;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Read /sys, /dev and /proc below DIR (a copied tree) instead of / (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--engine-probe",
            description = "Also ask the engine's Python (torch) how many GPUs it sees; takes seconds.")
    boolean engineProbe;

    @Option(names = {"-o", "--output"}, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write what was found as a host profile that 'plan --host FILE' reads.")
    Path save;

    @Option(names = "--probe-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Time each probe may take, in seconds (default: ${DEFAULT-VALUE}); the engine probe gets 30.")
    int probeTimeout;

    @Override
    protected int execute() {
        if (probeTimeout < 1 || probeTimeout > 600) {
            throw new ExitException(ExitCodes.BAD_INPUT, "--probe-timeout must be between 1 and 600 seconds");
        }
        Path rootDir = context().workingDirectory().resolve(root);
        if (!Files.isDirectory(rootDir)) {
            throw new ExitException(ExitCodes.BAD_INPUT, "--root " + root + " is not a folder");
        }
        Detection detection = new Detection(new DataLoader(data.toOptions(context().workingDirectory())).hardware(), rootDir,
                context().env(), Duration.ofSeconds(probeTimeout));
        HostView view = detection.detect(engineProbe);
        switch (format) {
            case json -> out().print(HostViewDocument.json(view));
            case yaml -> out().print(HostViewDocument.yaml(view));
            default -> out().print(new HostViewRenderer().text(view));
        }
        out().flush();
        Optional<String> missing = MissingGpus.problem(view);
        if (missing.isPresent()) {
            throw new ExitException(ExitCodes.NO_PLAN, missing.get() + (save == null ? "" : "; nothing written to " + save));
        }
        if (save != null) {
            Path file = context().workingDirectory().resolve(save);
            new HostProfileWriter().write(view, file);
            err().println("wrote host profile " + save);
        }
        return ExitCodes.OK;
    }
}
