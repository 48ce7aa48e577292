package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's process tree from a /proc tree written as the kernel writes it (proc(5)). */
class ProcessTreeUsageTest {
    @TempDir
    Path proc;

    /** A stat line: pid (comm) state ppid ... utime(14) stime(15) ... num_threads(20). */
    private void process(long pid, String comm, long ppid, long utime, long stime, int threads, String rssKb)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid
                + " 0 -1 4194560 1000 0 0 0 " + utime + " " + stime + " 0 0 20 0 " + threads + " 0 12345 1000000 2000\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + comm + "\nPPid:\t" + ppid + "\n"
                + (rssKb == null ? "" : "VmRSS:\t " + rssKb + " kB\n") + "Threads:\t" + threads + "\n");
    }

    @Test
    void theWholeTreeUnderTheEngineIsSummedAndNothingElse() throws Exception {
        process(100, "vllm", 1, 150, 50, 10, "1000");
        process(101, "VLLM::EngineCore (rank 0)", 100, 300, 100, 20, "2000");
        process(102, "python3", 101, 50, 50, 3, "500");
        process(200, "sshd", 1, 9999, 9999, 1, "99999");
        process(103, "kworker", 100, 0, 0, 1, null);
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("uptime"), "1.0 1.0\n");

        ProcessTreeUsage.Usage u = new ProcessTreeUsage(proc).of(100).orElseThrow();
        assertEquals(4, u.processes());
        assertEquals(7.0, u.cpuSeconds(), 1e-9, "(150+50+300+100+50+50+0+0) ticks / 100");
        assertEquals(3500 * 1024.0, u.residentBytes(), "a process without VmRSS counts 0");
        assertEquals(34, u.threads(), "10 + 20 + 3 + 1");
    }

    @Test
    void aProcessThatIsGoneHasNoUsage() throws Exception {
        process(100, "vllm", 1, 1, 1, 1, "1");
        assertTrue(new ProcessTreeUsage(proc).of(4242).isEmpty());
    }

    @Test
    void aGarbledStatIsSkipped() throws Exception {
        process(100, "vllm", 1, 100, 0, 2, "10");
        Path odd = Files.createDirectories(proc.resolve("101"));
        Files.writeString(odd.resolve("stat"), "101 (half");
        assertEquals(1, new ProcessTreeUsage(proc).of(100).orElseThrow().processes());
    }
}
