package aimengine.io;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input from a file, a flag or the environment. The CLI maps it to exit code 2 with one line per problem. */
public class InputException extends RuntimeException {
    private final List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InputException(String file, int line, String message) {
        this(List.of(new InputProblem(file, line, message)));
    }

    public InputException(String message) {
        this(List.of(new InputProblem("", 0, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
