package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.engine.EngineProfile;
import aimengine.engine.InstalledEngineFlags;
import aimengine.generate.EngineCommand;
import aimengine.io.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the programs a launch needs on the engine's PATH, failing with exit 4 and what is missing: the vllm program,
 * or python3 and its sglang module.
 */
public final class EngineInstallation {
    private final Map<String, String> env;
    private final InstalledEngineFlags.Runner runner;

    /** @param runner runs python3 to ask whether sglang is importable */
    public EngineInstallation(Map<String, String> env, InstalledEngineFlags.Runner runner) {
        this.env = env;
        this.runner = runner;
    }

    /** @return the engine's program, resolved */
    public Path program(EngineCommand command) {
        EngineProfile engine = command.backend().profile();
        String name = command.argv().get(0);
        Optional<String> module = engine.pythonModule();
        Path program = Executables.find(name, env.get("PATH")).orElseThrow(() -> new ExitException(ExitCodes.ENGINE_MISSING,
                module.isEmpty() ? engine.missingHint() : "no '" + name + "' on PATH; " + engine.displayName() + " needs it"));
        if (module.isPresent()) {
            String check = "import importlib.util,sys;sys.exit(0 if importlib.util.find_spec('" + module.get() + "') else 3)";
            if (runner.run(List.of(program.toString(), "-c", check), Duration.ofSeconds(30)).isEmpty()) {
                throw new ExitException(ExitCodes.ENGINE_MISSING, engine.missingHint() + " (asked " + program + ")");
            }
        }
        return program;
    }

    /** @return the setsid program, which puts the engine in a process group of its own */
    public Path setsid() {
        return Executables.find("setsid", env.get("PATH")).or(() -> Executables.find("/usr/bin/setsid", null))
                .orElseThrow(() -> new ExitException(ExitCodes.FAILURE,
                        "setsid (util-linux) is not on PATH; aim-engine needs it to run the engine in a process group of its own"));
    }
}
