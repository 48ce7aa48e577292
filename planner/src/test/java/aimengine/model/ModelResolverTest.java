package aimengine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cache.CacheRoot;
import aimengine.io.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {
    private static final String CONFIG = """
            {"model_type": "llama", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
             "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 100, "max_position_embeddings": 4096,
             "torch_dtype": "bfloat16"}""";

    @TempDir
    Path dir;

    private final ModelCatalog emptyCatalog = ModelCatalog.load(List.of());

    private Path snapshot(String model, String revision) throws IOException {
        Path folder = dir.resolve("models--" + model.replace("/", "--"));
        Path snap = folder.resolve("snapshots").resolve(revision);
        Files.createDirectories(snap);
        Files.createDirectories(folder.resolve("refs"));
        Files.writeString(folder.resolve("refs/main"), revision);
        Files.writeString(snap.resolve("config.json"), CONFIG);
        return snap;
    }

    private ModelResolver resolver() {
        return new ModelResolver(CacheRoot.resolve(dir, Map.of(), dir), emptyCatalog, null);
    }

    @Test
    void theCacheComesFirstAndIsReadFromTheRefsMainSnapshot() throws IOException {
        snapshot("org/tiny", "abc123");
        ModelFacts facts = resolver().resolve("org/tiny").orElseThrow();
        assertEquals(4, facts.attentionHeads());
        assertTrue(facts.source().endsWith("abc123/config.json"), facts.source());
    }

    @Test
    void safetensorsHeadersGiveTheExactParameterCount() throws IOException {
        Path snap = snapshot("org/tiny", "abc123");
        writeShard(snap.resolve("model-00001-of-00002.safetensors"), "{\"a\":{\"dtype\":\"BF16\",\"shape\":[10,20],\"data_offsets\":[0,400]},\"__metadata__\":{\"format\":\"pt\"}}");
        writeShard(snap.resolve("model-00002-of-00002.safetensors"), "{\"b\":{\"dtype\":\"BF16\",\"shape\":[7],\"data_offsets\":[0,14]}}");
        ModelFacts facts = resolver().resolve("org/tiny").orElseThrow();
        assertEquals(207, facts.totalParameters());
        assertTrue(facts.source().endsWith("safetensors headers"));
    }

    @Test
    void aTruncatedShardIsIgnoredAndTheConfigCountStands() throws IOException {
        Path snap = snapshot("org/tiny", "abc123");
        Files.write(snap.resolve("model.safetensors"), new byte[] {1, 2, 3});
        ModelFacts facts = resolver().resolve("org/tiny").orElseThrow();
        assertEquals(ParameterCount.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(CONFIG)).total(),
                facts.totalParameters());
    }

    @Test
    void theIndexTotalSizeIsUsedWhenNoShardIsThere() throws IOException {
        Path snap = snapshot("org/tiny", "abc123");
        Files.writeString(snap.resolve("model.safetensors.index.json"), "{\"metadata\":{\"total_size\":2000},\"weight_map\":{}}");
        assertEquals(1000, resolver().resolve("org/tiny").orElseThrow().totalParameters());
    }

    @Test
    void aBrokenConfigIsBadInputNamingTheFile() throws IOException {
        Path snap = snapshot("org/tiny", "abc123");
        Files.writeString(snap.resolve("config.json"), "{\"model_type\": ");
        InputException e = assertThrows(InputException.class, () -> resolver().resolve("org/tiny"));
        assertTrue(e.getMessage().startsWith(snap.resolve("config.json").toString()), e.getMessage());
    }

    @Test
    void aLocalModelFolderIsRead() throws IOException {
        Path local = dir.resolve("local-model");
        Files.createDirectories(local);
        Files.writeString(local.resolve("config.json"), CONFIG);
        assertEquals(2, resolver().resolve(local.toString()).orElseThrow().layers());
    }

    @Test
    void aShapeNoTensorCanHaveIsRefusedNamingTheFileAndTensor() throws IOException {
        Path snap = snapshot("org/tiny", "abc123");
        Path shard = snap.resolve("model.safetensors");
        writeShard(shard, "{\"a\":{\"dtype\":\"BF16\",\"shape\":[-5,7],\"data_offsets\":[0,0]}}");
        InputException negative = assertThrows(InputException.class, () -> resolver().resolve("org/tiny"));
        assertEquals(shard + ": tensor 'a' field shape [-5,7]: dimensions must be whole numbers of zero or more",
                negative.getMessage());
        writeShard(shard, "{\"a\":{\"dtype\":\"BF16\",\"shape\":[4294967296,4294967296,4],\"data_offsets\":[0,0]}}");
        InputException overflow = assertThrows(InputException.class, () -> resolver().resolve("org/tiny"));
        assertEquals(shard + ": tensor 'a' field shape [4294967296,4294967296,4]: its element count overflows; no tensor"
                + " is that large", overflow.getMessage());
    }

    @Test
    void kvHeadsBelowOneAreRefusedNamingTheField() throws IOException {
        Path snap = snapshot("org/tiny", "abc123");
        for (String kv : new String[] {"-8", "0"}) {
            Files.writeString(snap.resolve("config.json"), CONFIG.replace("\"num_key_value_heads\": 2", "\"num_key_value_heads\": " + kv));
            InputException e = assertThrows(InputException.class, () -> resolver().resolve("org/tiny"));
            assertEquals(snap.resolve("config.json") + ": model config field num_key_value_heads is " + kv
                    + "; it must be a whole number above zero", e.getMessage());
        }
    }

    @Test
    void unknownEverywhereIsEmpty() {
        assertTrue(resolver().resolve("org/nothing").isEmpty());
    }

    private static void writeShard(Path file, String header) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + h.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h);
        Files.write(file, buf.array());
    }
}
