package aimengine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.engine.FlagCatalogs;
import aimengine.hardware.HardwareCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

/** AMD's published AIM profiles are a real corpus: all of them must load, and what lint says about them is pinned. */
class AimProfilesTest {
    private static final HardwareCatalog HARDWARE = new DataLoader(DataOptions.builtins()).hardware();

    @Test
    void everyProfileLoads() {
        Path profiles = TestData.AIM_PROFILES;
        RecipeCatalog.Loaded loaded = RecipeCatalog.read(List.of(profiles), HARDWARE);
        assertEquals(List.of(), loaded.problems());
        assertEquals(170, loaded.files());
        assertEquals(170, loaded.recipes().size());
    }

    /** Every profile lint flags, with the reason: the profiles are AMD's, so these are facts to know, not to fix. */
    @Test
    void lintFindingsOnProfiles() {
        Path profiles = TestData.AIM_PROFILES;
        RecipeCatalog.Loaded loaded = RecipeCatalog.read(List.of(profiles), HARDWARE);
        List<LintFinding> findings = new RecipeLinter(FlagCatalogs.builtin()).lint(loaded);
        String text = findings.stream()
                .map(f -> profiles.relativize(Path.of(f.file())) + ":" + f.line() + ": " + f.severity() + ": " + f.message())
                .collect(Collectors.joining("\n"));
        Approvals.verify(findings.size() + " findings\n" + text);
    }
}
