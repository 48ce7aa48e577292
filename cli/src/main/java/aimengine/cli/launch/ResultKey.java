package aimengine.cli.launch;

/**
 * The name and type of a result one step gives and others need; the graph's edges follow these.
 * Keys compare by name and type, so a step may declare its key as a constant that its consumers refer to.
 */
public record ResultKey<T>(String name, Class<T> type) {

    @Override
    public String toString() {
        return name;
    }
}
