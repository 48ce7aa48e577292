package aimengine.recipe;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared data folder (shared/ beside the project, or inside it) from the module folder. */
final class SharedData {
    private SharedData() {
    }

    /** AMD's published AIM profiles: shared/aim-build/profiles. */
    static Path aimProfiles() {
        return find("aim-build/profiles");
    }

    static Path find(String below) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(below);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("shared/" + below + " not found beside or above " + Path.of("").toAbsolutePath()
                + "; the tests need the project's shared data folder (shared/ beside the project)");
    }
}
