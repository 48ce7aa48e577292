package aimengine.rules;

import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses site rules (DRL from --rules folders) that would end or escape the aim-engine process: a consequence that
 * calls System.exit ends a run without a word, and one that starts processes or uses reflection does what no
 * planning rule needs. This is a guard against mistakes in a platform team's rules, not a sandbox against hostile
 * ones: rules are code the operator chose to load. Comments and string literals are not searched.
 */
final class SiteRuleGuard {
    private static final String BUILTIN = "builtin:";

    private record Forbidden(Pattern pattern, String what) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("\\bSystem\\s*\\.\\s*(exit|halt)\\b", "System.exit ends the aim-engine process"),
            forbid("\\bRuntime\\b", "Runtime can end the process or start others"),
            forbid("\\bProcess(Builder|Handle)?\\b", "starting or controlling processes"),
            forbid("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b", "reflection"),
            forbid("\\bClass\\s*\\.\\s*forName\\b", "reflection"),
            forbid("\\.\\s*(getDeclared\\w*|getMethods?|getFields?|getConstructors?|setAccessible|getClassLoader)\\s*\\(",
                    "reflection"),
            forbid("\\bMethodHandles?\\b", "reflection"));

    private SiteRuleGuard() {
    }

    private static Forbidden forbid(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** Throws an InputException with file:line for every forbidden call in a site rule file; built-in files pass. */
    static void check(List<DrlSource> sources) {
        List<InputProblem> problems = new ArrayList<>();
        for (DrlSource source : sources) {
            if (!source.name().startsWith(BUILTIN)) {
                problems.addAll(problems(source));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    static List<InputProblem> problems(DrlSource source) {
        List<InputProblem> problems = new ArrayList<>();
        String[] lines = code(source.text()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(lines[i]);
                if (m.find()) {
                    problems.add(new InputProblem(source.name(), i + 1, "'" + m.group().replaceAll("[\\s(]", "")
                            + "' is not allowed in site rules (" + f.what() + "); a rule may only read facts and "
                            + "insert, modify or retract them"));
                    break;
                }
            }
        }
        return problems;
    }

    /** The text with comments and string/char literals blanked out, line breaks kept so that lines still count. */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                blank(text, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j = Math.min(j + (text.charAt(j) == '\\' ? 2 : 1), text.length());
                }
                out.append(c);
                blank(text, i + 1, j, out);
                if (j < text.length()) {
                    out.append(text.charAt(j));
                }
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
