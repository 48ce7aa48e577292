package aimengine.cli.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of one process group, read from /proc. The engine runs in a group of its own (started through
 * setsid), so its worker processes, which may outlive the process aim-engine started, are found and signalled
 * together. Zombies are not members: they hold no GPU memory and only their parent can clear them.
 */
public final class ProcessGroup {
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

    /** SIGTERM (or SIGKILL) to every member. */
    public void signal(boolean kill) {
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
