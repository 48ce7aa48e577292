package aimengine.recipe;

import java.nio.file.Path;

/** The repository's testdata/ folder (see its README for sources and licences); the tests run in the module folder. */
final class TestData {
    /** AMD's published AIM profiles, copied into testdata/aim-build/profiles. */
    static final Path AIM_PROFILES = Path.of("../testdata/aim-build/profiles");

    private TestData() {
    }
}
