package aimengine.cli.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time, resident memory and threads of a process and all its descendants (the engine's API server, engine cores
 * and workers), read from /proc: {@code stat} fields utime, stime (in clock ticks) and num_threads, {@code status}
 * VmRSS. CPU time of children that already exited is not counted: a restart or a worker that ends resets it, which
 * Prometheus' rate() reads as a counter reset.
 */
public final class ProcessTreeUsage {
    /** USER_HZ: 100 on every Linux architecture aim-engine runs on (x86_64, aarch64). */
    private static final double TICKS_PER_SECOND = 100.0;
    private final Path proc;

    public ProcessTreeUsage(Path procRoot) {
        this.proc = procRoot;
    }

    /** Usage of the tree under root pid. */
    public record Usage(int processes, double cpuSeconds, double residentBytes, int threads) {
    }

    private record Stat(long pid, long ppid, long ticks, int threads) {
    }

    /** @return empty when the process is gone */
    public Optional<Usage> of(long rootPid) {
        Map<Long, Stat> all = new HashMap<>();
        try (Stream<Path> s = Files.list(proc)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> stat(Long.parseLong(n)).ifPresent(st -> all.put(st.pid(), st)));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!all.containsKey(rootPid)) {
            return Optional.empty();
        }
        Map<Long, List<Long>> children = new HashMap<>();
        all.values().forEach(st -> children.computeIfAbsent(st.ppid(), k -> new ArrayList<>()).add(st.pid()));
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(rootPid));
        long ticks = 0;
        int threads = 0;
        double rss = 0;
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (!seen.add(pid)) {
                continue;
            }
            Stat st = all.get(pid);
            ticks += st.ticks();
            threads += st.threads();
            rss += residentBytes(pid);
            children.getOrDefault(pid, List.of()).forEach(todo::push);
        }
        return Optional.of(new Usage(seen.size(), ticks / TICKS_PER_SECOND, rss, threads));
    }

    /** /proc/PID/stat; the command name in parentheses may hold spaces and parentheses, so fields follow the last ')'. */
    private Optional<Stat> stat(long pid) {
        try {
            String text = Files.readString(proc.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, num_threads 20
            return Optional.of(new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Integer.parseInt(f[17])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private double residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone in between, or a kernel thread without VmRSS
        }
        return 0;
    }
}
