package aimengine.cli.launch;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * A running engine: the process aim-engine started (through setsid, so it leads a process group of its own whose id
 * is its PID) and the thread reading its output.
 */
public final class EngineProcess {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final EngineOutput output;
    private final Thread reader;
    private final ProcessGroup group;

    EngineProcess(Process process, EngineOutput output, Thread reader) {
        this.process = process;
        this.output = output;
        this.reader = reader;
        this.group = new ProcessGroup(process.pid());
    }

    public long pid() {
        return process.pid();
    }

    /** setsid made the engine a process group leader, so the group's id is its PID. */
    public long processGroup() {
        return group.id();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit status once it has exited (128 + N when killed by signal N). */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public EngineOutput output() {
        return output;
    }

    /** Waits (briefly) for the last lines the engine wrote, so that a failure line is read before it is reported. */
    public void drainOutput(Duration max) throws InterruptedException {
        reader.join(Math.max(1, max.toMillis()));
    }

    /** "exited with status 1", "was killed by signal 9", for messages. */
    public String describeExit() {
        int code = exitCode().orElse(-1);
        return code > 128 ? "was killed by signal " + (code - 128) : "exited with status " + code;
    }

    /**
     * SIGTERM to the whole group; after {@code grace} (or at once when {@code hurry} turns true) SIGKILL to what is
     * left.
     *
     * @return true when no process of the group is left
     */
    public boolean stop(Duration grace, BooleanSupplier hurry) throws InterruptedException {
        if (!group.members().contains(process.pid())) {
            // not yet its own group leader (setsid has not run yet): the group does not hold it
            process.destroy();
        }
        group.signal(false);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !hurry.getAsBoolean()) {
            if (gone()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        long killDeadline = System.nanoTime() + KILL_WAIT.toNanos();
        do {
            group.signal(true);
            process.destroyForcibly();
            if (gone()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        } while (System.nanoTime() < killDeadline);
        return gone();
    }

    /** Whether the engine and every process of its group have exited. */
    public boolean gone() {
        return !process.isAlive() && group.empty();
    }
}
