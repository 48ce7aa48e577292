package aimengine.cli.launch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The results the steps of one run have given so far. */
public final class StepResults {
    private final Map<ResultKey<?>, Object> values = new ConcurrentHashMap<>();

    public <T> void put(ResultKey<T> key, T value) {
        values.put(key, key.type().cast(value));
    }

    /** @throws IllegalStateException when no step gave it: the graph ran a step before the one it needs */
    public <T> T get(ResultKey<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException("no step gave '" + key + "'"));
    }

    public <T> Optional<T> find(ResultKey<T> key) {
        return Optional.ofNullable(values.get(key)).map(key.type()::cast);
    }
}
