package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheRootTest {
    @TempDir
    Path tmp;

    private final Path home = Path.of("/home/u");

    @Test
    void cacheDirOptionWinsOverEveryVariable() {
        CacheRoot root = CacheRoot.resolve(tmp.resolve("opt"), Map.of("CACHE_DIR", "/c", "HF_HUB_CACHE", "/h",
                "HF_HOME", "/hh"), home);
        assertEquals(new CacheRoot(tmp.resolve("opt"), "--cache-dir"), root);
    }

    @Test
    void cacheDirUsesItsHubFolderWhenPresent() throws IOException {
        Path container = tmp.resolve("model-cache");
        Files.createDirectories(container);
        assertEquals(new CacheRoot(container, "CACHE_DIR"),
                CacheRoot.resolve(null, Map.of("CACHE_DIR", container.toString()), home));
        Files.createDirectories(container.resolve("hub"));
        assertEquals(new CacheRoot(container.resolve("hub"), "CACHE_DIR"),
                CacheRoot.resolve(null, Map.of("CACHE_DIR", container.toString(), "HF_HUB_CACHE", "/h"), home));
        assertEquals(container.resolve("hub"), CacheRoot.resolve(container, Map.of(), home).path());
    }

    @Test
    void thenHfHubCacheThenHfHomeThenTheHomeDefault() {
        assertEquals(new CacheRoot(Path.of("/h"), "HF_HUB_CACHE"),
                CacheRoot.resolve(null, Map.of("HF_HUB_CACHE", "/h", "HF_HOME", "/hh"), home));
        assertEquals(new CacheRoot(Path.of("/hh/hub"), "HF_HOME"),
                CacheRoot.resolve(null, Map.of("HF_HOME", "/hh"), home));
        assertEquals(new CacheRoot(Path.of("/home/u/.cache/huggingface/hub"), "default"),
                CacheRoot.resolve(null, Map.of(), home));
    }

    @Test
    void blankVariablesAreIgnored() {
        assertEquals("default", CacheRoot.resolve(null, Map.of("CACHE_DIR", " ", "HF_HUB_CACHE", "",
                "HF_HOME", "  "), home).origin());
    }

    @Test
    void modelFolderAndModelIdAreInverse() {
        CacheRoot root = new CacheRoot(Path.of("/c"), "test");
        assertEquals(Path.of("/c/models--Qwen--Qwen3-0.6B"), root.modelFolder("Qwen/Qwen3-0.6B"));
        assertEquals(Optional.of("Qwen/Qwen3-0.6B"), CacheRoot.modelId("models--Qwen--Qwen3-0.6B"));
        assertEquals(Optional.of("gpt2"), CacheRoot.modelId("models--gpt2"));
        assertEquals(Optional.empty(), CacheRoot.modelId("datasets--org--data"));
        assertEquals(Optional.empty(), CacheRoot.modelId("models--"));
    }

    @Test
    void aHubCacheHoldsOnlyWhatTheHubWrites() throws IOException {
        CacheRoot root = new CacheRoot(tmp, "test");
        assertEquals(Optional.empty(), root.whyNotHubCache(), "an empty folder is an empty cache");
        Files.createDirectories(tmp.resolve("models--a--b/blobs"));
        Files.createDirectories(tmp.resolve("datasets--a--d"));
        Files.createDirectories(tmp.resolve(".locks/models--a--b"));
        Files.writeString(tmp.resolve("version.txt"), "1");
        assertEquals(Optional.empty(), root.whyNotHubCache());

        Files.writeString(tmp.resolve(".profile"), "mine");
        assertTrue(root.whyNotHubCache().orElseThrow().contains("'.profile'"), "a home folder is no cache");
        Files.delete(tmp.resolve(".profile"));
        Files.writeString(tmp.resolve("notes.md"), "mine");
        assertTrue(root.whyNotHubCache().orElseThrow().contains("'notes.md'"));
    }

    @Test
    void aFileNamedLikeAModelFolderIsForeign() throws IOException {
        Files.writeString(tmp.resolve("models--a--b"), "not a folder");
        assertTrue(new CacheRoot(tmp, "test").whyNotHubCache().orElseThrow().contains("'models--a--b'"));
    }

    @Test
    void aMissingFolderOrAFileIsNoHubCache() throws IOException {
        assertEquals(Optional.of("does not exist"), new CacheRoot(tmp.resolve("nope"), "t").whyNotHubCache());
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertEquals(Optional.of("is not a folder"), new CacheRoot(file, "t").whyNotHubCache());
    }
}
