package aimengine.io;

import java.util.function.Supplier;

/**
 * A value made on first use and kept. For what most runs never need and a cold JVM pays for dearly (a Jackson
 * ObjectMapper, an HTTP client): made eagerly, a plan that never reads a config.json would still pay for them. Give it
 * a lambda ({@code () -> new ObjectMapper()}), not a constructor reference: linking a reference loads the class at once.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    private Lazy(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Lazy<T> of(Supplier<T> make) {
        return new Lazy<>(make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
