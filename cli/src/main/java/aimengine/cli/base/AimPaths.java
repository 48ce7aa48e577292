package aimengine.cli.base;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders aim-engine keeps its own files in, resolved in one place from the environment:
 *
 * @param cache AIM_CACHE, else ~/.cache/aim-engine: engine flag lists ({@code flags/}), compiled custom rules
 *              ({@code rules/})
 * @param state AIM_STATE_DIR, else ~/.cache/aim-engine/run, else (home not writable, as for some container users) a
 *              folder under the temp dir: the run's state file and, unless --log-file says otherwise, the engine log
 */
public record AimPaths(Path cache, Path state) {

    public static AimPaths of(CliContext context) {
        return new AimPaths(cache(context), state(context));
    }

    /** The flag lists the installed engines printed, cached per engine version. */
    public Path flagCache() {
        return cache.resolve("flags");
    }

    /** The engine's log file when --log-file is not given. */
    public Path defaultLogFile() {
        return state.resolve("engine.log");
    }

    private static Path cache(CliContext context) {
        String aim = context.env("AIM_CACHE");
        return aim != null && !aim.isBlank() ? Path.of(aim) : context.home().resolve(".cache").resolve("aim-engine");
    }

    private static Path state(CliContext context) {
        String dir = context.env("AIM_STATE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        Path cache = context.home().resolve(".cache/aim-engine/run");
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
}
