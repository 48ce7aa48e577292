package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.engine.InstalledEngineFlags;
import aimengine.generate.EngineCommand;
import aimengine.io.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        String name = command.argv().get(0);
        Path program = Executables.find(name, env.get("PATH")).orElseThrow(() -> new ExitException(ExitCodes.ENGINE_MISSING,
                name.equals("vllm") ? "vLLM is not installed: no 'vllm' program on PATH; run aim-engine in a vLLM container or pip install vllm"
                        : "no '" + name + "' on PATH; the engine needs it"));
        if (command.argv().size() > 2 && command.argv().get(1).equals("-m")) {
            String module = command.argv().get(2).split("\\.")[0];
            String check = "import importlib.util,sys;sys.exit(0 if importlib.util.find_spec('" + module + "') else 3)";
            if (runner.run(List.of(program.toString(), "-c", check), Duration.ofSeconds(30)).isEmpty()) {
                throw new ExitException(ExitCodes.ENGINE_MISSING, "SGLang is not installed: " + program
                        + " cannot import the '" + module + "' module; run aim-engine in an SGLang container or use --backend vllm");
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
