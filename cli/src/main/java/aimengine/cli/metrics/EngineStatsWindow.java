package aimengine.cli.metrics;

import aimengine.engine.EngineSeries;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's metrics over the last minute, from samples of its exposition: requests running and waiting and KV-cache
 * usage as last seen; time to first token (median and p95) from the histogram's growth in the window, interpolated
 * within a bucket as Prometheus' histogram_quantile does; generated tokens per second from the counter's growth.
 */
public final class EngineStatsWindow {
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private final EngineSeries names;
    private final Deque<Entry> entries = new ArrayDeque<>();

    private record Entry(long atNanos, List<ExpositionText.Sample> samples) {
    }

    /** The summary; a field is null when the engine did not export it or the window holds too little. */
    public record Stats(Double requestsRunning, Double requestsWaiting, Double kvCacheUsageRatio,
                        Double ttftMedianSeconds, Double ttftP95Seconds, Double generatedTokensPerSecond,
                        double windowSeconds) {
    }

    public EngineStatsWindow(EngineSeries names) {
        this.names = names;
    }

    /** Adds one scrape of the engine; scrapes older than a minute (except the one that starts the window) go. */
    public synchronized void add(long atNanos, List<ExpositionText.Sample> samples) {
        entries.addLast(new Entry(atNanos, samples));
        while (entries.size() > 2) {
            Entry second = entries.stream().skip(1).findFirst().orElseThrow();
            if (atNanos - second.atNanos() < WINDOW.toNanos()) {
                break;
            }
            entries.removeFirst();
        }
    }

    /** The engine went away: what it counted before is no base for what it counts after a restart. */
    public synchronized void reset() {
        entries.clear();
    }

    public synchronized Stats stats() {
        if (entries.isEmpty()) {
            return new Stats(null, null, null, null, null, null, 0);
        }
        Entry last = entries.getLast();
        Entry first = entries.getFirst();
        double seconds = (last.atNanos() - first.atNanos()) / 1e9;
        Double kv = null;
        for (String n : names.kvCacheUsage()) {
            kv = sum(last.samples(), n);
            if (kv != null) {
                break;
            }
        }
        Double p50 = null;
        Double p95 = null;
        Double tokens = null;
        if (seconds > 0) {
            TreeMap<Double, Double> growth = bucketGrowth(first.samples(), last.samples());
            p50 = quantile(0.5, growth);
            p95 = quantile(0.95, growth);
            Double before = sum(first.samples(), names.generationTokens());
            Double after = sum(last.samples(), names.generationTokens());
            tokens = before == null || after == null || after < before ? null : (after - before) / seconds;
        }
        return new Stats(sum(last.samples(), names.running()), sum(last.samples(), names.waiting()), kv, p50, p95,
                tokens, seconds);
    }

    private static Double sum(List<ExpositionText.Sample> samples, String name) {
        Double total = null;
        for (ExpositionText.Sample s : samples) {
            if (s.name().equals(name)) {
                total = (total == null ? 0 : total) + s.value();
            }
        }
        return total;
    }

    /** Cumulative count per upper bound (summed over all label sets) grown from first to last. */
    private TreeMap<Double, Double> bucketGrowth(List<ExpositionText.Sample> first, List<ExpositionText.Sample> last) {
        TreeMap<Double, Double> before = buckets(first);
        TreeMap<Double, Double> after = buckets(last);
        TreeMap<Double, Double> growth = new TreeMap<>();
        for (Map.Entry<Double, Double> e : after.entrySet()) {
            growth.put(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0));
        }
        return growth;
    }

    private TreeMap<Double, Double> buckets(List<ExpositionText.Sample> samples) {
        TreeMap<Double, Double> b = new TreeMap<>();
        String bucket = names.ttft() + "_bucket";
        for (ExpositionText.Sample s : samples) {
            String le = s.labels().get("le");
            if (s.name().equals(bucket) && le != null) {
                b.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), s.value(), Double::sum);
            }
        }
        return b;
    }

    /** histogram_quantile over cumulative bucket counts; null when nothing was observed in the window. */
    static Double quantile(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative.isEmpty()) {
            return null;
        }
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = e.getValue() - lowerCount;
                return inBucket <= 0 ? e.getKey() : lowerBound + (e.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = e.getKey();
            lowerCount = e.getValue();
        }
        return lowerBound;
    }
}
