package aimengine.cli.launch;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;

/** The timing of aim-engine's group channel, shared by leader and members. */
final class GroupProtocol {
    /** Each side writes a line this often. */
    static final Duration PING = Duration.ofSeconds(1);
    /** A side that writes nothing for this long is taken for dead (a machine gone without closing its socket). */
    static final Duration SILENCE = Duration.ofSeconds(5);

    private GroupProtocol() {
    }

    /** A daemon thread that writes PING lines until interrupted or the socket fails. */
    static Thread pinger(Writer out, String name) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    synchronized (out) {
                        out.write("PING\n");
                        out.flush();
                    }
                    Thread.sleep(PING.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                // the reader side reports a broken connection
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
