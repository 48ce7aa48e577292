package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cache.CacheRoot;
import aimengine.cache.ModelLock;
import aimengine.cache.HubTree;
import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `aim-engine cache path|list|stats|clean` on hub trees built in a temporary folder. */
class CacheCommandTest {
    private static final String REV_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String REV_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final Instant MODIFIED = Instant.parse("2025-02-03T04:05:00Z");
    private static final Instant ACCESSED = Instant.parse("2025-04-05T06:07:00Z");

    @TempDir
    Path tmp;
    Path hub;
    HubTree tree;

    @BeforeEach
    void setUp() throws IOException {
        hub = Files.createDirectories(tmp.resolve("hub"));
        tree = new HubTree(hub);
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--cache-dir";
        all[args.length + 1] = hub.toString();
        return new CliRunner(tmp.resolve("home")).run(all);
    }

    /** Two models, one of them with two revisions sharing a blob, one incomplete; fixed times. */
    private void twoModels() throws IOException {
        tree.model("Qwen/Qwen3-0.6B").file(REV_A, "config.json", "c", 700)
                .file(REV_A, "model.safetensors", "w1", 1_500_000)
                .link(REV_B, "config.json", "c")
                .file(REV_B, "model.safetensors", "w2", 1_600_000)
                .ref("main", REV_B)
                .times(MODIFIED, ACCESSED);
        tree.model("org/broken").file(REV_A, "config.json", "c", 300)
                .link(REV_A, "model.safetensors", "never-downloaded")
                .times(MODIFIED, MODIFIED);
    }

    private String scrubbed(String output) {
        return output.replace(hub.toString(), "<cache>")
                .replaceAll("(Free disk: +).*", "$1<varies>")
                .replaceAll("(\"freeBytes\" : )\\d+", "$1<varies>");
    }

    @Test
    void listText() throws IOException {
        twoModels();
        CliRunner.Result r = run("cache", "list");
        assertEquals(0, r.exit(), r.err());
        Approvals.verify(scrubbed(r.out()));
    }

    @Test
    void listJson() throws IOException {
        twoModels();
        CliRunner.Result r = run("cache", "list", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        Approvals.verify(scrubbed(r.out()));
    }

    @Test
    void statsText() throws IOException {
        twoModels();
        CliRunner.Result r = run("cache", "stats");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*Free disk: +\\d+\\.\\d [KMGTP]iB\n.*"), r.out());
        Approvals.verify(scrubbed(r.out()));
    }

    @Test
    void statsJson() throws IOException {
        twoModels();
        CliRunner.Result r = run("cache", "stats", "-o", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("freeBytes").asLong() > 0, r.out());
        Approvals.verify(scrubbed(r.out()));
    }

    @Test
    void anEmptyOrMissingCacheListsNothing() {
        CliRunner.Result r = new CliRunner(tmp).run("cache", "list", "--cache-dir", tmp.resolve("none").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("No models in the cache at " + tmp.resolve("none") + " (from --cache-dir).\n", r.out());
    }

    @Test
    void pathFollowsTheOptionThenTheEnvironment() throws IOException {
        Path container = Files.createDirectories(tmp.resolve("model-cache/hub"));
        CliRunner runner = new CliRunner(tmp.resolve("home"));
        assertEquals(tmp.resolve("home/.cache/huggingface/hub") + "\n", runner.run("cache", "path").out());
        runner.env("HF_HOME", tmp.resolve("hf").toString());
        assertEquals(tmp.resolve("hf/hub") + "\n", runner.run("cache", "path").out());
        runner.env("CACHE_DIR", container.getParent().toString());
        assertEquals(container + "\n", runner.run("cache", "path").out());
        assertEquals(tmp.resolve("x") + "\n", runner.run("cache", "path", "--cache-dir", tmp.resolve("x").toString())
                .out());
    }

    @Test
    void cleanWithoutYesOnlySaysWhatItWouldDelete() throws IOException {
        Instant old = Instant.now().minus(Duration.ofDays(90));
        tree.model("org/old").file(REV_A, "model.safetensors", "w", 2048).times(old, old);
        tree.model("org/new").file(REV_A, "model.safetensors", "w", 100);

        CliRunner.Result r = run("cache", "clean");
        assertEquals(0, r.exit(), r.err());
        String expected = """
                Would delete 1 model from <cache>, freeing 2.0 KiB (2048 bytes):
                  MODEL    SIZE     LAST USED (UTC)
                  org/old  2.0 KiB  %s
                Nothing deleted yet: run again with --yes to delete.
                """.formatted(aimengine.cli.render.CacheRootText.minutes(old));
        assertEquals(expected, scrubbed(r.out()));
        assertTrue(Files.exists(tree.model("org/old").folder.resolve("blobs/w")));
    }

    @Test
    void cleanWithYesDeletesAndReportsTheBytesFreed() throws IOException {
        Instant old = Instant.now().minus(Duration.ofDays(90));
        tree.model("org/old").file(REV_A, "model.safetensors", "w", 2048).times(old, old);
        tree.model("org/new").file(REV_A, "model.safetensors", "w", 100);

        CliRunner.Result r = run("cache", "clean", "--older-than", "60d", "--yes", "-o", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2048, json.get("bytesFreed").asLong());
        assertEquals("org/old", json.get("deleted").get(0).get("id").asText());
        assertFalse(json.get("dryRun").asBoolean());
        assertFalse(Files.exists(tree.model("org/old").folder));
        assertTrue(Files.exists(tree.model("org/new").folder));
    }

    @Test
    void cleanSkipsAModelARunHoldsAndSaysSo() throws IOException {
        tree.model("org/served").file(REV_A, "model.safetensors", "w", 10);
        try (ModelLock lock = ModelLock.acquire(new CacheRoot(hub, "test"), "org/served")) {
            CliRunner.Result r = run("cache", "clean", "--model", "org/served", "--yes");
            assertEquals(0, r.exit(), r.err());
            assertEquals("""
                    Deleted 0 models from <cache>, freed 0 B (0 bytes).
                    Skipped:
                      org/served: in use by a running aim-engine run
                    """, scrubbed(r.out()));
        }
        assertTrue(Files.exists(tree.model("org/served").folder.resolve("blobs/w")));
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        tree.model("Qwen/Qwen3-0.6B").file(REV_A, "model.safetensors", "w", 10);
        assertBadInput(run("cache", "clean", "--older-than", "a month"),
                "error: --older-than: 'a month' is not a duration; write a whole number and a unit: 30d (days),"
                        + " 12h (hours) or 90m (minutes)\n");
        assertBadInput(run("cache", "clean", "--model", "Qwen/Qwen3-0.5B"),
                "error: --model: no model Qwen/Qwen3-0.5B in the cache at " + hub + "; did you mean Qwen/Qwen3-0.6B?"
                        + " (see aim-engine cache list)\n");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".bashrc"), "mine");
        assertBadInput(new CliRunner(home).run("cache", "clean", "--older-than", "0d", "--yes", "--cache-dir",
                home.toString()), "error: " + home + ": is not a Hugging Face hub cache: it holds '.bashrc'"
                + ", which the hub never writes there; nothing deleted (pass --cache-dir with the hub cache folder)\n");
        assertTrue(Files.exists(home.resolve(".bashrc")));
    }

    private static void assertBadInput(CliRunner.Result r, String err) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(err, r.err());
    }

    @Test
    void aSubcommandIsRequired() {
        CliRunner.Result r = new CliRunner(tmp).run("cache");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: a subcommand is required: path, list, stats or clean"), r.err());
    }

    @Test
    void aCacheThatIsAFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRunner.Result r = new CliRunner(tmp).run("cache", "stats", "--cache-dir", file.toString());
        assertBadInput(r, "error: " + file + ": the cache (from --cache-dir) is not a folder; pass --cache-dir"
                + " with the hub cache folder\n");
    }
}
