package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.hardware.HardwareCatalog;
import aimengine.io.InputException;
import aimengine.probe.HostProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken recipes and host profiles under src/test/resources/broken: each must be refused with exit 2
 * (bad input) and one message naming the file, the line and the problem, never a stack trace. Each file says what it
 * expects in its first line ("# expect: LINE: message fragment"); files that cannot hold a comment are listed here.
 */
class BrokenInputTest {
    private static final Path RECIPES = Path.of("src/test/resources/broken/recipes");
    private static final Path HOSTS = Path.of("src/test/resources/broken/hosts");
    private static final Pattern EXPECT = Pattern.compile("^# expect: ([0-9]+): (.+)$");
    private static final Map<String, Expectation> WITHOUT_COMMENT = Map.of(
            "empty.yaml", new Expectation(RECIPES.resolve("empty.yaml"), 1, "empty file"));

    record Expectation(Path file, int line, String fragment) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static Stream<Arguments> recipes() throws IOException {
        try (Stream<Path> entries = Files.list(RECIPES)) {
            return entries.sorted().map(p -> new Arguments(p, expectation(p))).toList().stream();
        }
    }

    /** A file or folder to lint and what lint must say about it. */
    record Arguments(Path target, Expectation expected) {
        @Override
        public String toString() {
            return target.getFileName().toString();
        }
    }

    @Test
    void corpusCoversEnoughMistakes() throws IOException {
        long count;
        try (Stream<Path> r = Files.list(RECIPES); Stream<Path> h = Files.list(HOSTS)) {
            count = r.count() + h.count();
        }
        assertTrue(count >= 25, "the broken corpus holds " + count + " cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void lintRefusesBrokenRecipe(Arguments args) {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint", "--no-builtin-recipes", args.target().toString());
        Expectation e = args.expected();
        String output = r.all();
        assertEquals(2, r.exit(), output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains("\tat "), output);
        String prefix = e.file() + ":" + e.line() + ": error: ";
        assertTrue(output.lines().anyMatch(l -> l.startsWith(prefix) && l.contains(e.fragment())),
                "expected a line starting with '" + prefix + "' containing '" + e.fragment() + "', got:\n" + output);
    }

    static Stream<Expectation> hosts() throws IOException {
        try (Stream<Path> entries = Files.list(HOSTS)) {
            return entries.sorted().map(BrokenInputTest::expectation).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void hostProfileReaderRefusesBrokenProfile(Expectation e) {
        HardwareCatalog hardware = new DataLoader(DataOptions.builtins()).hardware();
        InputException thrown = assertThrows(InputException.class, () -> new HostProfile(hardware).read(e.file()));
        String message = thrown.getMessage();
        assertTrue(thrown.problems().stream().anyMatch(p -> p.file().equals(e.file().toString()) && p.line() == e.line()
                        && p.message().contains(e.fragment())),
                "expected " + e.file() + ":" + e.line() + " with '" + e.fragment() + "', got:\n" + message);
    }

    /** The expectation of a file (its first line) or of a folder (the one file in it that states one). */
    private static Expectation expectation(Path target) {
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<Expectation> stated = files.sorted().map(BrokenInputTest::stated).filter(x -> x != null).toList();
                assertEquals(1, stated.size(), target + " must hold exactly one file with '# expect:'");
                return stated.get(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Expectation e = WITHOUT_COMMENT.containsKey(target.getFileName().toString())
                ? WITHOUT_COMMENT.get(target.getFileName().toString()) : stated(target);
        assertNotNull(e, target + " lacks a first line '# expect: LINE: fragment'");
        return e;
    }

    private static Expectation stated(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            Matcher m = EXPECT.matcher(text.lines().findFirst().orElse(""));
            return m.matches() ? new Expectation(file, Integer.parseInt(m.group(1)), m.group(2)) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
