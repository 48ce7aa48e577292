package aimengine.cli.launch;

import java.io.PrintWriter;

/**
 * Where aim-engine talks to the user while it runs: whole lines, and on a terminal one live status line kept
 * below them (erased and redrawn around each line). Off a terminal a status is printed as an ordinary line.
 * Several threads write (the engine's output reader, the health waiter), so every write is whole.
 */
public final class Console {
    private static final String ERASE = "\r\033[K";
    private final PrintWriter out;
    private final boolean live;
    private String status = "";

    /** @param live true on a terminal (System.console() != null): redraw one status line in place */
    public Console(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    public boolean live() {
        return live;
    }

    public synchronized void line(String text) {
        if (live && !status.isEmpty()) {
            out.print(ERASE);
        }
        out.println(text);
        if (live && !status.isEmpty()) {
            out.print(status);
        }
        out.flush();
    }

    public synchronized void status(String text) {
        if (!live) {
            line(text);
            return;
        }
        status = text;
        out.print(ERASE + text);
        out.flush();
    }

    public synchronized void clearStatus() {
        if (live && !status.isEmpty()) {
            out.print(ERASE);
            out.flush();
        }
        status = "";
    }
}
