package aimengine.cli.metrics;

import aimengine.probe.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The host's GPU source: amdgpu sysfs when it reports load, else amd-smi, else nvidia-smi on PATH, else none. */
public final class GpuReaders {
    private GpuReaders() {
    }

    public static Optional<GpuReader> forHost(Path root, ToolRunner tools, Duration timeout) {
        AmdSysfsGpuReader sysfs = new AmdSysfsGpuReader(root);
        if (sysfs.present()) {
            return Optional.of(sysfs);
        }
        if (tools.find("amd-smi").isPresent()) {
            return Optional.of(new AmdSmiGpuReader(tools, timeout));
        }
        if (tools.find("nvidia-smi").isPresent()) {
            return Optional.of(new NvidiaSmiGpuReader(tools, timeout));
        }
        return Optional.empty();
    }
}
