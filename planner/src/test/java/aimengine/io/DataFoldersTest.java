package aimengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a data folder: what is read, and a warning for each entry that looks like data but is left out. */
class DataFoldersTest {
    @TempDir
    Path dir;

    private List<String> skipped() {
        return DataFolders.list(dir, ".yaml").skipped().stream()
                .map(p -> dir.relativize(Path.of(p.file())) + ": " + p.message()).toList();
    }

    private List<String> files() {
        return DataFolders.list(dir, ".yaml").files().stream().map(p -> dir.relativize(p).toString()).toList();
    }

    @Test
    void aCleanFolderListsItsFilesAndSkipsNothing() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "x: 1\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.yaml"), "x: 1\n");
        Files.writeString(dir.resolve("notes.txt"), "not data");
        Files.createDirectories(dir.resolve(".git"));
        Files.createSymbolicLink(dir.resolve(".git/gone.yaml"), Path.of("nowhere"));
        assertEquals(List.of("a.yaml", "sub/b.yaml"), files());
        assertEquals(List.of(), skipped());
    }

    @Test
    void danglingLinksLoopsAndFoldersNamedLikeDataAreReported() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "x: 1\n");
        Files.createSymbolicLink(dir.resolve("gone.yaml"), Path.of("no-such-file.yaml"));
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/loop"), Path.of(".."));
        Files.createDirectories(dir.resolve("x.yaml"));
        Files.writeString(dir.resolve("x.yaml/inner.yaml"), "x: 1\n");
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/linked.yaml"), "x: 1\n");
        Files.createSymbolicLink(dir.resolve("sub/more"), dir.resolve("elsewhere"));
        assertEquals(List.of("a.yaml", "elsewhere/linked.yaml", "sub/more/linked.yaml", "x.yaml/inner.yaml"), files());
        assertEquals(List.of("gone.yaml: is a link to nothing: skipped",
                "sub/loop: is a link to a folder above it (a loop): skipped",
                "x.yaml: is a folder, not a data file: skipped (its contents are read as any folder's)"),
                skipped().stream().sorted().toList());
    }
}
