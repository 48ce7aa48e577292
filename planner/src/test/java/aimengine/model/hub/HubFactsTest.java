package aimengine.model.hub;

import aimengine.io.InputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the loopback {@link StandInHub}; nothing here reaches the internet. */
class HubFactsTest {
    static final String CONFIG = "{\"model_type\":\"llama\",\"hidden_size\":64,\"intermediate_size\":128,"
            + "\"num_hidden_layers\":2,\"num_attention_heads\":4,\"num_key_value_heads\":2,\"vocab_size\":100,"
            + "\"max_position_embeddings\":4096,\"torch_dtype\":\"bfloat16\"}";
    private static final String TOKEN = "hf_secretSECRETsecret";

    @TempDir
    Path cache;

    private final StandInHub hub = new StandInHub();

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubFacts facts(String token, String offline, Duration timeout) {
        HubSettings s = new HubSettings(hub.endpoint(), token, offline, timeout);
        return new HubFacts(s, new HubClient(s), cache);
    }

    private HubFacts online() {
        return facts(null, null, Duration.ofSeconds(10));
    }

    @Test
    void fetchesConfigAndTheSafetensorsTotalOnceThenKeepsThem() {
        hub.model("org/tiny", CONFIG, "{\"parameters\":{\"BF16\":12345},\"total\":12345}");
        HubFacts.Fetched first = online().find("org/tiny", "the catalog").orElseThrow();
        assertEquals(CONFIG, first.config());
        assertEquals(OptionalLong.of(12345), first.parameters());
        assertTrue(first.source().startsWith("the Hub (" + hub.endpoint() + "/org/tiny: config.json, safetensors total"),
                first.source());
        assertTrue(Files.isRegularFile(cache.resolve("models--org--tiny/config.json")));
        assertEquals(2, hub.seen.size());

        HubFacts.Fetched again = facts(null, "HF_HUB_OFFLINE=1", Duration.ofSeconds(10)).find("org/tiny", "x").orElseThrow();
        assertEquals(OptionalLong.of(12345), again.parameters());
        assertTrue(again.source().startsWith("aim-engine's Hub cache ("), again.source());
        assertEquals(2, hub.seen.size(), "the kept copy is used without asking again");
    }

    @Test
    void theTokenGoesToTheHubAsABearerHeaderAndNowhereElse() {
        try (StandInHub cdn = new StandInHub()) {
            cdn.answer("/blob/config.json", StandInHub.Answer.ok(CONFIG));
            hub.answer("/org/gated/resolve/main/config.json",
                    new StandInHub.Answer(302, "", cdn.endpoint() + "/blob/config.json", 0));
            hub.answer("/api/models/org/gated", StandInHub.Answer.ok("{\"id\":\"org/gated\"}"));
            HubFacts.Fetched f = facts(TOKEN, null, Duration.ofSeconds(10)).find("org/gated", "x").orElseThrow();
            assertEquals(CONFIG, f.config());
            assertTrue(f.parameters().isEmpty(), "no safetensors total in the model info");
            assertEquals("Bearer " + TOKEN, hub.seen.get(0).authorization());
            assertEquals("Bearer " + TOKEN, hub.seen.get(1).authorization());
            assertNull(cdn.seen.get(0).authorization(), "a redirect to another address gets no token");
        }
        assertFalse(new HubSettings(hub.endpoint(), TOKEN, null, Duration.ofSeconds(1)).toString().contains(TOKEN));
    }

    @Test
    void offlineWithNothingKeptSaysWhereItLookedAndWhy() {
        HubException e = assertThrows(HubException.class,
                () -> facts(null, "--offline", Duration.ofSeconds(10)).find("org/tiny", "the model catalog"));
        assertEquals(HubException.Kind.UNAVAILABLE, e.kind());
        assertEquals("org/tiny: no facts for this model in the model catalog or aim-engine's Hub cache, and --offline"
                + " forbids asking the Hub; run once online, or add a catalog entry with --models", e.getMessage());
        assertTrue(hub.seen.isEmpty());
    }

    @Test
    void gatedPrivateAndMissingModelsGiveOneClearLine() {
        hub.answer("/org/a/resolve/main/config.json", StandInHub.Answer.status(401));
        hub.answer("/org/b/resolve/main/config.json", StandInHub.Answer.status(403));
        HubException noToken = assertThrows(HubException.class, () -> online().find("org/a", "x"));
        assertEquals("org/a: the Hub shows this model only with a token (401): it is gated or private, or does not"
                + " exist; set HF_TOKEN to a token with access", noToken.getMessage());
        HubException badToken = assertThrows(HubException.class,
                () -> facts(TOKEN, null, Duration.ofSeconds(10)).find("org/a", "x"));
        assertEquals("org/a: the Hub refuses the token in HF_TOKEN (401): it is invalid or expired", badToken.getMessage());
        HubException gated = assertThrows(HubException.class,
                () -> facts(TOKEN, null, Duration.ofSeconds(10)).find("org/b", "x"));
        assertEquals("org/b: the model is gated (403) and the account of HF_TOKEN has not been granted access; request"
                + " access at " + hub.endpoint() + "/org/b", gated.getMessage());
        HubException missing = assertThrows(HubException.class, () -> online().find("org/none", "x"));
        assertEquals("org/none: the Hub at " + hub.endpoint() + " has no such model (404); check the name",
                missing.getMessage());
        for (HubException e : new HubException[] {noToken, badToken, gated, missing}) {
            assertEquals(HubException.Kind.UNAVAILABLE, e.kind());
            assertFalse(e.getMessage().contains(TOKEN));
        }
    }

    @Test
    void anAnswerThatIsNotJsonOrAServerErrorIsAFailure() {
        hub.model("org/html", "<html>login</html>", null);
        HubException html = assertThrows(HubException.class, () -> online().find("org/html", "x"));
        assertEquals(HubException.Kind.FAILED, html.kind());
        assertTrue(html.getMessage().startsWith("org/html: the Hub's config.json is not valid JSON ("), html.getMessage());
        hub.answer("/org/down/resolve/main/config.json", StandInHub.Answer.status(503));
        HubException down = assertThrows(HubException.class, () -> online().find("org/down", "x"));
        assertEquals("org/down: the Hub at " + hub.endpoint() + " answered HTTP 503 asking for config.json",
                down.getMessage());
        assertFalse(Files.exists(cache.resolve("models--org--html")), "nothing unreadable is kept");
    }

    @Test
    void aHubThatDoesNotAnswerInTimeIsAFailure() {
        hub.answer("/org/slow/resolve/main/config.json", new StandInHub.Answer(200, CONFIG, null, 5_000));
        HubException e = assertThrows(HubException.class,
                () -> facts(null, null, Duration.ofMillis(200)).find("org/slow", "x"));
        assertEquals(HubException.Kind.FAILED, e.kind());
        assertEquals("org/slow: the Hub at " + hub.endpoint() + " did not answer within 0.2 s (asking for config.json)",
                e.getMessage());
    }

    @Test
    void anEndpointWithoutTheModelApiStillGivesTheConfig() {
        hub.answer("/org/mirrored/resolve/main/config.json", StandInHub.Answer.ok(CONFIG));
        HubFacts.Fetched f = online().find("org/mirrored", "x").orElseThrow();
        assertEquals(CONFIG, f.config());
        assertTrue(f.parameters().isEmpty());
        assertEquals("the Hub (" + hub.endpoint() + "/org/mirrored: config.json)", f.source());
    }

    @Test
    void aTotalOfPackedIntegerWeightsIsNoParameterCount() {
        // AWQ/GPTQ: eight 4-bit weights per I32 element.
        hub.model("org/awq", CONFIG, "{\"parameters\":{\"I32\":1000,\"F16\":200},\"total\":1200}");
        assertTrue(online().find("org/awq", "x").orElseThrow().parameters().isEmpty());
    }

    @Test
    void onlyHubModelIdsAreAskedFor() {
        for (String notAnId : new String[] {"/models/tiny", "./tiny", "org/../etc", "a b", "org/x/y"}) {
            assertTrue(online().find(notAnId, "x").isEmpty(), notAnId);
        }
        assertTrue(hub.seen.isEmpty());
        assertTrue(HubFacts.isModelId("gpt2"));
        assertTrue(HubFacts.isModelId("meta-llama/Llama-3.1-8B-Instruct"));
    }

    @Test
    void settingsComeFromTheEnvironment() {
        HubSettings d = HubSettings.from(Map.of(), false);
        assertEquals(URI.create("https://huggingface.co"), d.endpoint());
        assertFalse(d.offline());
        assertNull(d.token());
        HubSettings s = HubSettings.from(Map.of("HF_ENDPOINT", "http://127.0.0.1:9/hub/", "HF_TOKEN", " t ",
                "HF_HUB_OFFLINE", "true"), false);
        assertEquals(URI.create("http://127.0.0.1:9/hub"), s.endpoint());
        assertEquals("t", s.token());
        assertEquals("HF_HUB_OFFLINE=1", s.offlineReason());
        assertEquals("--offline", HubSettings.from(Map.of("HF_HUB_OFFLINE", "0"), true).offlineReason());
        assertFalse(HubSettings.from(Map.of("HF_HUB_OFFLINE", "0"), false).offline());
        InputException e = assertThrows(InputException.class,
                () -> HubSettings.from(Map.of("HF_ENDPOINT", "ftp://hub"), false));
        assertEquals("HF_ENDPOINT=ftp://hub: must be an http(s) address such as https://huggingface.co", e.getMessage());
    }
}
