package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a command does not need runs before it: the classes a JVM loads for --version, --help, models and
 * recipes list (-verbose:class) hold no rule engine, no probe, and only what each prints.
 */
class LazyStartTest {
    @TempDir
    Path home;

    private List<String> loadedClasses(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:off", "-verbose:class", "-Duser.home=" + home,
                "-cp", classPath, "aimengine.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(CliRunner.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String> classes = out.lines().filter(l -> l.startsWith("[") && l.contains("class,load"))
                .map(l -> l.replaceAll("^.*\\] (\\S+) source.*$", "$1")).toList();
        assertTrue(classes.contains("aimengine.cli.Main"), "class loading was logged");
        return classes;
    }

    private static void assertNone(List<String> classes, String... prefixes) {
        for (String prefix : prefixes) {
            List<String> loaded = classes.stream().filter(c -> c.startsWith(prefix)).limit(5).toList();
            assertTrue(loaded.isEmpty(), prefix + " loaded: " + loaded);
        }
    }

    @Test
    void versionLoadsNoDataNoRulesNoJackson() throws Exception {
        assertNone(loadedClasses("--version"), "org.drools", "org.kie", "aimengine.data", "aimengine.probe",
                "aimengine.rules", "com.fasterxml.jackson", "org.yaml", "org.snakeyaml");
    }

    @Test
    void helpLoadsNoDataNoRules() throws Exception {
        assertNone(loadedClasses("--help"), "org.drools", "org.kie", "aimengine.data.DataLoader", "aimengine.probe",
                "aimengine.rules", "com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void modelsReadsCatalogsButStartsNoRulesAndNoProbe() throws Exception {
        List<String> classes = loadedClasses("models");
        assertNone(classes, "org.drools", "org.kie", "aimengine.probe", "aimengine.rules");
        assertTrue(classes.contains("aimengine.model.ModelCatalog"));
    }

    @Test
    void recipesListLeavesTheModelCatalogAlone() throws Exception {
        List<String> classes = loadedClasses("recipes", "list");
        assertNone(classes, "org.drools", "org.kie", "aimengine.probe", "aimengine.rules", "aimengine.model.ModelCatalog");
        assertTrue(classes.contains("aimengine.recipe.RecipeCatalog"));
    }

    /**
     * A plan of a catalogued model takes the built-in data from its compact form (no YAML reader for it, no data
     * folder listing, no zip file system over the jar: the host profile alone is YAML), reads no JSON (so makes no
     * ObjectMapper) and never makes the HTTP client that only the Hub needs: its selector thread waits in native
     * code, which holds the JVM's exit for ~300 ms.
     */
    @Test
    void aPlanOfACataloguedModelReadsNoDataYamlAndMakesNoHttpClient() throws Exception {
        List<String> classes = loadedClasses("plan", "--host", "examples/hosts/mi300x-8.yaml", "Qwen/Qwen3-32B");
        assertNone(classes, "com.fasterxml.jackson.dataformat.yaml", "jdk.nio.zipfs", "jdk.internal.net.http",
                "aimengine.io.DataFolders", "aimengine.recipe.SeedRecipeReader", "aimengine.model.ModelCatalogReader",
                "com.fasterxml.jackson.databind.deser");
        assertTrue(classes.contains("aimengine.data.DataCodec"));
    }
}
