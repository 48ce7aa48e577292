package aimengine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.io.DataFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rules compiled at build time: present, complete, and chosen for the built-in DRL. */
class BuiltinModelTest {
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"");

    @TempDir
    Path cacheDir;

    private RuleBases bases() {
        return new RuleBases(new RuleCache(cacheDir, "test build"), getClass().getClassLoader());
    }

    /**
     * The DRL files the model was compiled from. Not via the class path: in this module the generated classes' folder
     * aim/rules comes first there and hides the planner's data folder of the same name.
     */
    private static List<DrlSource> sourceDrl() throws IOException {
        List<DrlSource> drl = new ArrayList<>();
        for (Path file : DataFolders.find(Path.of("..", "rules"), ".drl")) {
            drl.add(new DrlSource(file.toString(), Files.readString(file)));
        }
        return drl;
    }

    @Test
    void theModelHoldsEveryRuleOfTheDrlFiles() throws IOException {
        // A model loaded the wrong way can be silently empty (0 rules, no error), so count the rules by name.
        TreeSet<String> inDrl = new TreeSet<>();
        for (DrlSource s : sourceDrl()) {
            Matcher m = RULE.matcher(s.text());
            while (m.find()) {
                inDrl.add(m.group(1));
            }
        }
        TreeSet<String> inModel = new TreeSet<>();
        bases().builtin().orElseThrow().kieBase().getKiePackages()
                .forEach(p -> p.getRules().forEach(r -> inModel.add(r.getName())));
        assertTrue(inDrl.size() > 10, "rules found in the DRL: " + inDrl);
        assertEquals(inDrl, inModel);
    }

    @Test
    void theBuiltinDrlUsesTheBuildTimeModelAndCompilesNothing() throws IOException {
        List<DrlSource> drl = sourceDrl();
        assertEquals(RuleBases.Origin.BUILT_IN, bases().load(() -> drl, true).origin());
        assertEquals(0, cacheDir.toFile().list().length);
    }
}
