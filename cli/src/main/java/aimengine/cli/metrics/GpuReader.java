package aimengine.cli.metrics;

import aimengine.probe.ProbeException;
import java.util.List;

/** Reads every GPU's utilisation, memory, temperature and power from one source (sysfs, amd-smi, nvidia-smi). */
public interface GpuReader {
    /** The source, for messages: "amdgpu sysfs", "amd-smi", "nvidia-smi". */
    String source();

    /** @throws ProbeException when the source cannot be read at all (tool missing, hung, failed, garbage) */
    List<GpuReading> read() throws ProbeException;
}
