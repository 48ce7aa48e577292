package aimengine.model.hub;

import aimengine.cache.CacheRoot;
import aimengine.io.InputException;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelFacts;
import aimengine.model.ModelResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolver's last source, the Hub (the loopback {@link StandInHub}), after the cache, a folder and the catalog. */
class ModelResolverHubTest {
    @TempDir
    Path dir;

    private final StandInHub hub = new StandInHub();

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelResolver resolver(String offline) throws IOException {
        Path catalog = Files.createDirectories(dir.resolve("models"));
        Files.writeString(catalog.resolve("listed.yaml"), "id: org/listed\nsource: test\nconfig: " + HubFactsTest.CONFIG + "\n");
        HubSettings s = new HubSettings(hub.endpoint(), null, offline, Duration.ofSeconds(10));
        return new ModelResolver(CacheRoot.resolve(dir.resolve("hf"), Map.of(), dir), ModelCatalog.load(List.of(catalog)),
                new HubFacts(s, new HubClient(s), dir.resolve("aim-cache/hub")));
    }

    @Test
    void theCatalogIsAskedBeforeTheHub() throws IOException {
        ModelResolver.Resolution r = resolver(null).lookup("org/listed");
        assertTrue(r.lookup().endsWith("listed.yaml"), r.lookup());
        assertTrue(hub.seen.isEmpty());
    }

    @Test
    void aModelNowhereElseIsLearntFromTheHubWithItsExactWeightCount() throws IOException {
        hub.model("org/new", HubFactsTest.CONFIG, "{\"parameters\":{\"BF16\":54321},\"total\":54321}");
        ModelResolver.Resolution r = resolver(null).lookup("org/new");
        ModelFacts f = r.facts();
        assertEquals(54321, f.totalParameters());
        assertEquals(2, f.kvHeads());
        assertEquals("the Hub (" + hub.endpoint() + "/org/new: config.json, safetensors total)", r.lookup());
    }

    @Test
    void offlineTheLookupSaysWhereItLookedAndWhy() throws IOException {
        ModelResolver.Resolution r = resolver("HF_HUB_OFFLINE=1").lookup("org/new");
        assertNull(r.facts());
        assertEquals("org/new: no facts for this model in the Hugging Face cache (" + dir.resolve("hf")
                + "), the model catalog or aim-engine's Hub cache, and HF_HUB_OFFLINE=1 forbids asking the Hub; run"
                + " once online, or add a catalog entry with --models", r.lookup());
    }

    @Test
    void aMissingModelIsUnknownWithTheHubsAnswer() throws IOException {
        ModelResolver.Resolution r = resolver(null).lookup("org/none");
        assertNull(r.facts());
        assertTrue(r.lookup().endsWith("has no such model (404); check the name"), r.lookup());
    }

    @Test
    void anImpossibleSafetensorsTotalIsRefusedNamingTheField() throws IOException {
        hub.model("org/neg", HubFactsTest.CONFIG, "{\"parameters\":{\"BF16\":-35},\"total\":-35}");
        InputException e = assertThrows(InputException.class, () -> resolver(null).lookup("org/neg"));
        assertEquals("the Hub (" + hub.endpoint() + "/org/neg: config.json, safetensors total) field safetensors.total:"
                + " the safetensors weights count -35 parameters; a model has more than none", e.getMessage());
    }
}
