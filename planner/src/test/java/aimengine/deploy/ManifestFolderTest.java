package aimengine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFolderTest {
    /** Jackson cannot serialise it: the write fails after the first file is staged. */
    private static final Object UNWRITABLE = new Object() {
        @SuppressWarnings("unused")
        public Object getSelf() {
            throw new IllegalStateException("boom");
        }
    };

    @Test
    void aNewFolderAppearsWithEveryFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("m");
        List<Path> written = ManifestFolder.write(out, List.of(new Manifest("a.yaml", Map.of("kind", "A")),
                new Manifest("b.yaml", Map.of("kind", "B"))), List.of("note"));
        assertEquals(List.of(out.resolve("a.yaml"), out.resolve("b.yaml")), written);
        assertEquals("# note\nkind: A\n", Files.readString(out.resolve("a.yaml")));
        assertEquals(List.of("m"), names(dir));
    }

    @Test
    void aFailedWriteLeavesNoFolderAndNoStaging(@TempDir Path dir) {
        Path out = dir.resolve("m");
        assertThrows(RuntimeException.class, () -> ManifestFolder.write(out, List.of(
                new Manifest("a.yaml", Map.of("kind", "A")), new Manifest("b.yaml", UNWRITABLE)), List.of()));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFailedWriteIntoAnExistingFolderChangesNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "old");
        assertThrows(RuntimeException.class, () -> ManifestFolder.write(dir, List.of(
                new Manifest("a.yaml", Map.of("kind", "A")), new Manifest("b.yaml", UNWRITABLE)), List.of()));
        assertEquals("old", Files.readString(dir.resolve("a.yaml")));
        assertEquals(List.of("a.yaml"), names(dir));
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
