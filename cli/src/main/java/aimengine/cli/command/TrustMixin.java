package aimengine.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the trust rules may allow on this command beyond the policy, and the policy file itself. */
public final class TrustMixin {
    @Option(names = "--trust-policy", paramLabel = "FILE", description = "Trust policy to apply instead of the built-in rules/trust.yaml (allowed sources, remote code, pickle, pinned revision, engine advisories).")
    Path policy;

    @Option(names = "--trust-remote-code", description = "Let the model's own code from the Hub run (config.json auto_map) for this command, even when the policy does not list the model.")
    boolean trustRemoteCode;

    @Option(names = "--allow-pickle", description = "Let a checkpoint with only pickle weights (.bin, .pt, .pth) load; loading a pickle can run arbitrary code.")
    boolean allowPickle;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "Protect the engine's API with the key in FILE (also AIM_API_KEY_FILE, or AIM_API_KEY); it is never shown.")
    Path apiKeyFile;

    @Option(names = "--engine-version", paramLabel = "VERSION", description = "The engine version that will run: its advisories apply and (run) its shipped flag catalog checks the flags (default: ask the installed engine, else the newest catalog).")
    String engineVersion;

    /** The grants given here beyond the policy, as the flags that give them again to another aim-engine run. */
    List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (trustRemoteCode) {
            flags.add("--trust-remote-code");
        }
        if (allowPickle) {
            flags.add("--allow-pickle");
        }
        return flags;
    }
}
