package aimengine.cli.metrics;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One GPU's readings at one moment. A reading the tool or driver did not give is absent (null), never zero: a
 * dashboard must not show an idle, cold GPU where nothing was measured.
 *
 * @param index        the device index (HIP/CUDA ordinal)
 * @param product      hardware catalog key or the tool's product name; null when unknown
 * @param busId        PCI address such as 0000:0c:00.0; null when unknown
 * @param busyRatio    utilisation, 0 to 1
 * @param temperatures degrees Celsius per sensor (edge, junction, memory, gpu)
 */
public record GpuReading(int index, String product, String busId, Double busyRatio, Double memoryUsedBytes,
                         Double memoryTotalBytes, Map<String, Double> temperatures, Double powerWatts) {

    public GpuReading {
        temperatures = Map.copyOf(temperatures);
    }

    public GpuReading withIdentity(String newProduct, String newBusId) {
        return new GpuReading(index, newProduct, newBusId, busyRatio, memoryUsedBytes, memoryTotalBytes, temperatures,
                powerWatts);
    }

    /** The hottest sensor, the one status shows. */
    public OptionalDouble hottest() {
        return temperatures.values().stream().mapToDouble(Double::doubleValue).max();
    }
}
