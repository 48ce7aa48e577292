package aimengine.cli.render;

import aimengine.cli.metrics.EngineStatsWindow;
import aimengine.cli.metrics.GpuReading;
import aimengine.cli.metrics.LiveSnapshot;
import aimengine.cli.metrics.ProcessTreeUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a run last measured, as `status` prints it: the engine's processes, each GPU, the engine's last minute. */
public final class LiveText {
    private LiveText() {
    }

    /** Lines indented like status' own ("  label     text"); a reading that is absent shows as "-". */
    public static List<String> lines(LiveSnapshot s, Instant now) {
        List<String> lines = new ArrayList<>();
        Duration age = age(s.sampledAt(), now);
        String when = age == null ? "" : " (" + age.toSeconds() + " s ago)";
        ProcessTreeUsage.Usage e = s.engine();
        lines.add("  process   " + (e == null ? "no engine process" : String.format(Locale.ROOT,
                "%.1f s CPU, %s resident, %d threads in %d process%s", e.cpuSeconds(), Units.bytes((long) e.residentBytes()),
                e.threads(), e.processes(), e.processes() == 1 ? "" : "es")) + when);
        if (s.gpus().isEmpty()) {
            lines.add("  gpus      " + (s.gpuError() != null ? "not read: " + s.gpuError() : "no GPU readings"));
        }
        for (GpuReading g : s.gpus()) {
            lines.add("  gpu " + pad(g.index()) + " " + (g.product() == null ? "?" : g.product())
                    + (g.busId() == null ? "" : " " + g.busId()) + ": "
                    + (g.busyRatio() == null ? "-" : percent(g.busyRatio())) + " busy, "
                    + (g.memoryUsedBytes() == null ? "-" : Units.bytes(g.memoryUsedBytes().longValue())) + " of "
                    + (g.memoryTotalBytes() == null ? "-" : Units.bytes(g.memoryTotalBytes().longValue())) + ", "
                    + (g.hottest().isPresent() ? String.format(Locale.ROOT, "%.0f C", g.hottest().getAsDouble()) : "- C")
                    + (g.powerWatts() == null ? "" : String.format(Locale.ROOT, ", %.0f W", g.powerWatts())));
        }
        EngineStatsWindow.Stats m = s.engineMetrics();
        if (m == null || m.requestsRunning() == null && m.kvCacheUsageRatio() == null) {
            lines.add("  requests  no engine metrics (the engine serves none yet, or not /metrics)");
            return lines;
        }
        lines.add("  requests  " + number(m.requestsRunning()) + " running, " + number(m.requestsWaiting())
                + " waiting; KV cache " + (m.kvCacheUsageRatio() == null ? "-" : percent(m.kvCacheUsageRatio())) + " used");
        lines.add(String.format(Locale.ROOT, "  last %.0f s time to first token median %s, p95 %s; %s generated tokens/s",
                m.windowSeconds(), seconds(m.ttftMedianSeconds()), seconds(m.ttftP95Seconds()),
                m.generatedTokensPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", m.generatedTokensPerSecond())));
        return lines;
    }

    private static Duration age(String sampledAt, Instant now) {
        try {
            return Duration.between(Instant.parse(sampledAt), now);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String pad(int index) {
        return String.format(Locale.ROOT, "%-5d", index);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String number(Double v) {
        return v == null ? "-" : v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seconds(Double s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.3f s", s);
    }
}
