package aimengine.io;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which aim-engine build is running, for keys of what it caches (compiled rules, compact data): the jar's size and
 * time stamp, so that a rebuilt jar never reads what an older one wrote. Running from class folders (development,
 * tests) the folder stands in for it.
 */
public final class BuildIdentity {
    private BuildIdentity() {
    }

    public static String current() {
        try {
            Path code = Path.of(BuildIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code)
                    ? "jar " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis()
                    : "classes " + code;
        } catch (IOException | URISyntaxException e) {
            return "unknown";
        }
    }
}
