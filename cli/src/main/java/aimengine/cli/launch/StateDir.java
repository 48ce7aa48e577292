package aimengine.cli.launch;

import aimengine.cli.base.CliContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run keeps its state file and, unless --log-file says otherwise, the engine's log: AIM_STATE_DIR, else
 * ~/.cache/aim-engine/run, else (home not writable, as for some container users) a folder under the temp dir.
 */
public final class StateDir {
    private StateDir() {
    }

    public static Path resolve(CliContext context) {
        String dir = context.env("AIM_STATE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        Path home = context.home();
        Path cache = home.resolve(".cache/aim-engine/run");
        if (Files.isWritable(cache) || writableAncestor(cache)) {
            return cache;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "aim-engine-run-" + user);
    }

    /** Whether the folder could be created: its closest existing ancestor is writable. */
    private static boolean writableAncestor(Path p) {
        for (Path a = p; a != null; a = a.getParent()) {
            if (Files.exists(a)) {
                return Files.isDirectory(a) && Files.isWritable(a);
            }
        }
        return false;
    }

    /** The engine's log file when --log-file is not given. */
    public static Path defaultLogFile(Path stateDir) {
        return stateDir.resolve("engine.log");
    }
}
