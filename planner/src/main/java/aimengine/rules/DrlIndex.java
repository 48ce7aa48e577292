package aimengine.rules;

import aimengine.io.InputProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule is written (file, line of its {@code rule} keyword, line of its {@code then}), so that a rule
 * that fails or runs away at planning time is reported as {@code file:line} of the user's DRL: the compiled model
 * knows rule names, not the files they came from.
 */
public final class DrlIndex {
    static final DrlIndex EMPTY = new DrlIndex(Map.of());
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");

    /** A rule's position: its file, the line of {@code rule} and of {@code then} (0 when not found). */
    public record Location(String file, int line, int thenLine) {
    }

    private final Map<String, Location> byName;

    private DrlIndex(Map<String, Location> byName) {
        this.byName = byName;
    }

    public static DrlIndex of(List<DrlSource> sources) {
        Map<String, Location> byName = new HashMap<>();
        for (DrlSource source : sources) {
            String[] lines = source.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    byName.put(name, new Location(source.name(), i + 1, thenLine(lines, i)));
                }
            }
        }
        return new DrlIndex(Map.copyOf(byName));
    }

    private static int thenLine(String[] lines, int ruleLine) {
        for (int j = ruleLine + 1; j < lines.length; j++) {
            if (THEN.matcher(lines[j]).find()) {
                return j + 1;
            }
            if (RULE.matcher(lines[j]).find()) {
                break;
            }
        }
        return 0;
    }

    public Optional<Location> locate(String ruleName) {
        return Optional.ofNullable(ruleName == null ? null : byName.get(ruleName));
    }

    /** A problem at the rule's file and line; "rules" without a line when the rule is unknown. */
    InputProblem problem(String ruleName, String message) {
        return locate(ruleName).map(l -> new InputProblem(l.file(), l.line(), message))
                .orElse(new InputProblem("rules", 0, message));
    }

    /** The rule written in file at line, when there is one: how a compiler message is tied to its rule. */
    Optional<Location> at(String file, int line) {
        return byName.values().stream().filter(l -> l.file().equals(file) && l.line() == line).findFirst();
    }
}
