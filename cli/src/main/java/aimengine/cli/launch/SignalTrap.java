package aimengine.cli.launch;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a {@link StopRequest} while the engine runs, instead of the JVM's default of running
 * shutdown hooks and exiting: the run then stops the engine's process group with its grace period, prints what
 * happened and exits 130 or 143 itself. Closing puts the previous handlers back.
 */
public final class SignalTrap implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    public SignalTrap(StopRequest stop) {
        for (StopSignal s : StopSignal.values()) {
            Signal signal = new Signal(s.name());
            try {
                previous.add(Signal.handle(signal, sig -> stop.request(s)));
                signals.add(signal);
            } catch (IllegalArgumentException reserved) {
                // the JVM runs with -Xrs or keeps the signal: its default handling stays, and the shutdown hook
                // still stops the engine
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
