package aimengine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cache.CacheRoot;
import aimengine.cache.HubTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What aim-engine sees of a model before it loads: source, snapshot commit, code and weight formats. */
class ModelOriginTest {
    private static final String CONFIG = """
            {"model_type": "custom", "architectures": ["CustomForCausalLM"], "hidden_size": 64,
             "num_hidden_layers": 2, "num_attention_heads": 4,
             "auto_map": {"AutoConfig": "configuration_custom.CustomConfig",
                          "AutoModelForCausalLM": "modeling_custom.CustomForCausalLM",
                          "AutoTokenizer": ["tokenization_custom.CustomTokenizer", null]}}""";
    private static final String COMMIT = "aaaabbbbccccddddeeeeffff0000111122223333";

    @TempDir
    Path dir;

    private ModelResolver resolver(Path hub) {
        return new ModelResolver(CacheRoot.resolve(hub, Map.of(), dir), ModelCatalog.load(List.of()), null);
    }

    @Test
    void aCachedSnapshotGivesItsCommitItsCodeAndItsWeightFormats() throws IOException {
        Path hub = dir.resolve("hub");
        new HubTree(hub).model("org/custom").blobText("c", CONFIG).link(COMMIT, "config.json", "c")
                .file(COMMIT, "pytorch_model-00001-of-00002.bin", "w1", 8)
                .file(COMMIT, "pytorch_model-00002-of-00002.bin", "w2", 8).ref("main", COMMIT);
        ModelOrigin o = resolver(hub).origin("org/custom");
        assertFalse(o.local());
        assertEquals(COMMIT, o.commit());
        assertEquals(List.of("CustomForCausalLM"), o.code().orElseThrow().architectures());
        // The model class comes first (messages name it), then the other classes, tokenizer pairs flattened.
        assertEquals(List.of("modeling_custom.CustomForCausalLM", "configuration_custom.CustomConfig",
                "tokenization_custom.CustomTokenizer"), o.code().orElseThrow().autoMap());
        assertEquals(new WeightFiles(0, 2, "pytorch_model-00001-of-00002.bin"), o.weights().orElseThrow());
    }

    @Test
    void aModelNotInTheCacheHasNoCommitAndNoFiles() {
        ModelOrigin o = resolver(dir.resolve("empty")).origin("org/absent");
        assertNull(o.commit());
        assertTrue(o.code().isEmpty());
        assertTrue(o.weights().isEmpty());
    }

    @Test
    void aLocalFolderIsItsAbsolutePathWithItsFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("models/mine"));
        Files.writeString(folder.resolve("config.json"), CONFIG);
        Files.writeString(folder.resolve("model.safetensors"), "x");
        Files.createDirectories(folder.resolve("original"));
        Files.writeString(folder.resolve("original/consolidated.00.pth"), "x");
        ModelOrigin o = resolver(dir.resolve("empty")).origin(folder.toString());
        assertTrue(o.local());
        assertEquals(folder.toString(), o.location());
        assertNull(o.commit());
        assertEquals(new WeightFiles(1, 1, "original/consolidated.00.pth"), o.weights().orElseThrow());
    }

    @Test
    void aConfigWithoutAutoMapHasNoCustomCode() {
        ConfigCode c = ConfigCode.from(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        assertEquals(List.of(), c.autoMap());
        assertEquals(List.of(), c.architectures());
    }
}
