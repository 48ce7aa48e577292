package aimengine.cli.launch;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop, set from a signal handler and read by the steps that wait. A second request means the user
 * will not wait out the grace period: the engine is killed at once.
 */
public final class StopRequest {
    private final AtomicReference<StopSignal> signal = new AtomicReference<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Wakeup wakeup;

    public StopRequest(Wakeup wakeup) {
        this.wakeup = wakeup;
    }

    public void request(StopSignal s) {
        signal.compareAndSet(null, s);
        count.incrementAndGet();
        wakeup.poke();
    }

    public Optional<StopSignal> signal() {
        return Optional.ofNullable(signal.get());
    }

    public boolean requested() {
        return signal.get() != null;
    }

    /** Asked twice: skip the grace period. */
    public boolean urgent() {
        return count.get() > 1;
    }
}
