package aimengine.probe;

import java.util.List;

/**
 * The devices one host probe found.
 *
 * @param source   what was read, for the views ("sysfs KFD topology", "amd-smi static --json")
 * @param gpus     the devices, in the order the runtime numbers them
 * @param problems parts that could not be read although the rest could (one unreadable KFD node)
 */
public record HostReading(String source, List<ProbedGpu> gpus, List<String> problems) {

    public HostReading {
        gpus = List.copyOf(gpus);
        problems = List.copyOf(problems);
    }

    public HostReading(String source, List<ProbedGpu> gpus) {
        this(source, gpus, List.of());
    }
}
