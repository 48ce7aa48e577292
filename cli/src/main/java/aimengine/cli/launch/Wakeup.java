package aimengine.cli.launch;

import java.time.Duration;

/**
 * A sleep that ends early when something happens: the engine exits, prints its ready line, or a stop is asked for.
 * A poke before the sleep starts is not lost: the next sleep returns at once.
 */
public final class Wakeup {
    private long pokes;
    private long seen;

    public synchronized void poke() {
        pokes++;
        notifyAll();
    }

    /** Sleeps up to {@code max}, or less when poked. */
    public synchronized void sleep(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (pokes == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        seen = pokes;
    }
}
