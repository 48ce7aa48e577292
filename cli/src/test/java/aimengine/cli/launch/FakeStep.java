package aimengine.cli.launch;

import java.util.List;

/** A step for graph and executor tests: gives a text result, or fails with a message. */
final class FakeStep implements Step {
    private final String name;
    private final List<ResultKey<?>> needs;
    private final ResultKey<String> gives;
    private final String failure;

    FakeStep(String name, List<ResultKey<?>> needs, String failure) {
        this.name = name;
        this.needs = needs;
        this.gives = key(name);
        this.failure = failure;
    }

    static ResultKey<String> key(String stepName) {
        return new ResultKey<>(stepName + "-out", String.class);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ResultKey<?>> needs() {
        return needs;
    }

    @Override
    public ResultKey<?> gives() {
        return gives;
    }

    @Override
    public String run(StepResults results) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        StringBuilder in = new StringBuilder();
        for (ResultKey<?> k : needs) {
            in.append(results.get(k)).append(' ');
        }
        results.put(gives, name);
        return ("after " + in).trim();
    }
}
