package aimengine.cli.metrics;

import aimengine.probe.GpuDevice;
import aimengine.probe.ProbeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The GPUs' last readings, refreshed by {@link #sample()} on the run's sampling thread, never on a scrape: a tool
 * that hangs (it is stopped after its timeout) delays the next sample, not the answer to Prometheus. Readings older
 * than three sampling periods are dropped: absent, not stale numbers.
 */
public final class GpuSampler {
    private final Optional<GpuReader> reader;
    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private final AtomicReference<Sample> last = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Function<String, Optional<String>> catalogKey;
    private volatile Map<Integer, GpuDevice> devices = Map.of();

    private record Sample(long atNanos, List<GpuReading> readings) {
    }

    /**
     * @param reader     the host's source, empty when it has none
     * @param catalogKey the hardware catalog's key for a PCI device id such as "0x74a1" (sysfs names devices so)
     */
    public GpuSampler(Optional<GpuReader> reader, Duration period, LongSupplier nanoTime,
                      Function<String, Optional<String>> catalogKey) {
        this.reader = reader;
        this.catalogKey = catalogKey;
        this.maxAge = period.multipliedBy(3);
        this.nanoTime = nanoTime;
    }

    /** The devices detection found: their product (catalog key) and bus address label the readings. */
    public void knownDevices(List<GpuDevice> detected) {
        devices = detected.stream().collect(Collectors.toMap(GpuDevice::index, Function.identity(), (a, b) -> a));
    }

    /** Reads the GPUs once; a failure keeps no readings and remembers why. */
    public void sample() {
        if (reader.isEmpty()) {
            return;
        }
        try {
            List<GpuReading> readings = reader.get().read().stream().map(this::label).toList();
            last.set(new Sample(nanoTime.getAsLong(), readings));
            lastError.set(null);
        } catch (ProbeException e) {
            last.set(null);
            lastError.set(reader.get().source() + ": " + e.getMessage());
        }
    }

    /** The readings of the last sample, or none when it failed or is too old. */
    public List<GpuReading> readings() {
        Sample s = last.get();
        if (s == null || nanoTime.getAsLong() - s.atNanos() > maxAge.toNanos()) {
            return List.of();
        }
        return s.readings();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Product and bus address as detection named them, else the catalog key of the PCI id the reader gave. */
    private GpuReading label(GpuReading r) {
        GpuDevice d = devices.get(r.index());
        String product = d != null && d.product() != null ? d.product()
                : r.product() != null ? catalogKey.apply(r.product()).orElse(r.product()) : null;
        return r.withIdentity(product, r.busId() != null ? r.busId() : d == null ? null : d.busAddress());
    }
}
