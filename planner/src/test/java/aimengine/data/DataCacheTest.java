package aimengine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.io.InputException;
import aimengine.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders given on the command line are read from YAML once, then from their compact form until they change. */
class DataCacheTest {
    @TempDir
    Path dir;

    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<DataCodec.Contents> counting(Supplier<DataCodec.Contents> read) {
        return () -> {
            reads.incrementAndGet();
            return read.get();
        };
    }

    private Path recipes() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("recipes"));
        Files.copy(Path.of("../recipes/meta-llama/llama-3.1-8b-instruct-mi210-bf16.yaml"), folder.resolve("a.yaml"));
        return folder;
    }

    private DataCodec.Contents load(DataCache cache, Path folder) {
        DataLoader yaml = new DataLoader(DataOptions.builtins());
        return cache.get("recipes", List.of(folder), "ctx", counting(() -> DataCodec.Contents.ofRecipes(
                List.copyOf(aimengine.recipe.RecipeCatalog.load(List.of(folder), yaml.hardware()).all()))));
    }

    @Test
    void theSecondReadComesFromTheCacheWithTheSameData() throws IOException {
        Path folder = recipes();
        DataCache cache = new DataCache(dir.resolve("cache"), "build 1");
        List<Recipe> first = load(cache, folder).recipes();
        List<Recipe> second = load(cache, folder).recipes();
        assertEquals(1, reads.get());
        assertEquals(first, second);
        assertEquals(1, entries(dir.resolve("cache")));
    }

    @Test
    void anEditedFileANewFileOrANewBuildReadsTheYamlAgain() throws IOException {
        Path folder = recipes();
        load(new DataCache(dir.resolve("cache"), "build 1"), folder);
        Files.writeString(folder.resolve("a.yaml"), Files.readString(folder.resolve("a.yaml")) + "\n# edited\n");
        load(new DataCache(dir.resolve("cache"), "build 1"), folder);
        assertEquals(2, reads.get(), "edited");
        Files.copy(Path.of("../recipes/meta-llama/llama-3.1-8b-instruct-mi210-bf16.yaml"), folder.resolve("b.yml"));
        assertThrows(InputException.class, () -> load(new DataCache(dir.resolve("cache"), "build 1"), folder),
                "the new file repeats the recipe id: read from YAML, reported");
        Files.delete(folder.resolve("b.yml"));
        load(new DataCache(dir.resolve("cache"), "build 2"), folder);
        assertEquals(4, reads.get(), "a new build");
    }

    @Test
    void aDamagedEntryIsReadAgainAndReplaced() throws IOException {
        Path folder = recipes();
        DataCache cache = new DataCache(dir.resolve("cache"), "build 1");
        List<Recipe> good = load(cache, folder).recipes();
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        assertEquals(good, load(cache, folder).recipes());
        assertEquals(good, load(cache, folder).recipes());
        assertEquals(2, reads.get(), "read again once, then the replaced entry is used");
    }

    @Test
    void problemsAreNeverCached() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(folder.resolve("x.yaml"), "recipe_id: [unclosed\n");
        DataCache cache = new DataCache(dir.resolve("cache"), "build 1");
        assertThrows(InputException.class, () -> load(cache, folder));
        assertThrows(InputException.class, () -> load(cache, folder));
        assertEquals(2, reads.get());
        assertTrue(!Files.exists(dir.resolve("cache")) || entries(dir.resolve("cache")) == 0);
    }

    @Test
    void anUnwritableCacheOnlyCostsSpeed() throws IOException {
        Path folder = recipes();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        DataCache cache = new DataCache(notAFolder.resolve("cache"), "build 1");
        assertEquals(load(cache, folder), load(cache, folder));
        assertEquals(2, reads.get());
    }

    private static long entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".bin")).count();
        }
    }
}
