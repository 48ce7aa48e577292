package aimengine.cli.render;

import aimengine.engine.FlagCatalog;
import aimengine.recipe.LintFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `recipes lint`: one "file:line: error|warning: message" line per finding and a summary, or the same as JSON. */
public final class LintReport {
    private final FileNames names;

    public LintReport(FileNames names) {
        this.names = names;
    }

    public String text(List<LintFinding> findings, int files, int recipes, List<FlagCatalog> against) {
        StringBuilder sb = new StringBuilder();
        for (LintFinding f : findings) {
            sb.append(names.show(f.file())).append(f.line() > 0 ? ":" + f.line() : "").append(": ")
                    .append(f.severity().key()).append(": ").append(f.message()).append('\n');
        }
        long errors = errors(findings);
        long warnings = findings.size() - errors;
        sb.append(count(files, "file")).append(", ").append(count(recipes, "recipe")).append(" checked against ")
                .append(String.join(" and ", against.stream().map(FlagCatalog::label).toList())).append(": ")
                .append(errors == 0 && warnings == 0 ? "clean" : count(errors, "error") + ", " + count(warnings, "warning"))
                .append('\n');
        return sb.toString();
    }

    public String json(List<LintFinding> findings, int files, int recipes, List<FlagCatalog> against) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", files);
        m.put("recipes", recipes);
        Map<String, String> engines = new LinkedHashMap<>();
        against.forEach(c -> engines.put(c.backend().key(), c.version()));
        m.put("engines", engines);
        long errors = errors(findings);
        m.put("errors", errors);
        m.put("warnings", findings.size() - errors);
        m.put("findings", findings.stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("severity", f.severity().key());
            fm.put("file", names.show(f.file()));
            fm.put("line", f.line());
            fm.put("recipe", f.recipeId());
            fm.put("message", f.message());
            return fm;
        }).toList());
        return PrettyJson.of(m);
    }

    private static long errors(List<LintFinding> findings) {
        return findings.stream().filter(LintFinding::isError).count();
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
