package aimengine.cli.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes of one process group, read from /proc. The engine runs in a group of its own (started through
 * setsid), so its worker processes, which may outlive the process aim-engine started, are found and signalled
 * together. Zombies are not members: they hold no GPU memory and only their parent can clear them.
 */
public final class ProcessGroup {
    private static final Path KILL = Path.of("/bin/kill");
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final long pgid;
    private final Path proc;

    public ProcessGroup(long pgid) {
        this(pgid, Path.of("/proc"));
    }

    ProcessGroup(long pgid, Path proc) {
        this.pgid = pgid;
        this.proc = proc;
    }

    public long id() {
        return pgid;
    }

    /** The live processes of the group, by PID. */
    public List<Long> members() {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path dir : dirs) {
                String[] f = statFields(dir.resolve("stat"));
                if (f != null && Long.parseLong(f[2]) == pgid && !f[0].equals("Z") && !f[0].equals("X")) {
                    members.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    public boolean empty() {
        return members().isEmpty();
    }

    /**
     * SIGTERM (or SIGKILL) to the whole group in one kill(2) on the negative group id, through /bin/kill as Java
     * cannot name a group. Signalling the members one by one, as read from /proc, misses a process that a member
     * forks after the list was read; the kernel applies a group signal to every member, and a fork under way when it
     * arrives is restarted, so no child escapes it. Where /bin/kill cannot run, the members are signalled one by one.
     */
    public void signal(boolean kill) {
        if (!signalGroup(kill)) {
            signalMembers(kill);
        }
    }

    private boolean signalGroup(boolean kill) {
        String[] self = statFields(proc.resolve("self/stat"));
        if (pgid <= 1 || self == null || Long.parseLong(self[2]) == pgid) {
            // aim-engine's own group (a stale group id from a state file): only the others are signalled, one by one
            return false;
        }
        try {
            Process p = new ProcessBuilder(KILL.toString(), "-s", kill ? "KILL" : "TERM", "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // the status is not looked at: "no such process" only means the group is already gone
            return p.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signalMembers(boolean kill) {
        long self = ProcessHandle.current().pid();
        for (long pid : members()) {
            if (pid != self) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    if (kill) {
                        h.destroyForcibly();
                    } else {
                        h.destroy();
                    }
                });
            }
        }
    }

    /** The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): state, ppid, pgrp, ... */
    private static String[] statFields(Path stat) {
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close < 0 ? null : s.substring(close + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
