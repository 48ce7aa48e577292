package aimengine.recipe;

import aimengine.engine.Severity;
import aimengine.io.InputProblem;

/**
 * One finding of recipe lint: a load problem or a flag the engine would refuse (error), or a flag that works today
 * but is on its way out (warning).
 *
 * @param recipeId the recipe it is about; null for problems that kept the file from loading
 * @param line     1-based; 0 for the whole file
 */
public record LintFinding(Severity severity, String file, int line, String recipeId, String message) {

    /** A problem that kept a file from loading is always an error. */
    public static LintFinding of(InputProblem problem) {
        return new LintFinding(Severity.ERROR, problem.file(), problem.line(), null, problem.message());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
