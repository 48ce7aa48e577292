package aimengine.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks `nvidia-smi --query-gpu=...` for one CSV line per GPU. pci.device_id prints device and vendor together
 * ("0x233010DE": device 0x2330, vendor 0x10DE).
 */
public final class NvidiaSmiProbe implements GpuProbe<HostReading> {
    static final String QUERY = "index,uuid,name,pci.bus_id,pci.device_id,memory.total,compute_cap";
    private static final int FIELDS = 7;

    private final ToolRunner runner;
    private final Duration timeout;

    public NvidiaSmiProbe(ToolRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "nvidia-smi";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public HostReading probe() throws ProbeException {
        String out = runner.run(timeout, "nvidia-smi", "--query-gpu=" + QUERY,
                "--format=csv,noheader,nounits").requireSuccess();
        return parse(out);
    }

    HostReading parse(String out) throws ProbeException {
        List<ProbedGpu> gpus = new ArrayList<>();
        int lineNo = 0;
        for (String line : out.split("\\R")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != FIELDS) {
                throw ProbeException.failed("nvidia-smi line " + lineNo + " has " + f.length + " fields, expected "
                        + FIELDS + " (" + QUERY + "): " + SysfsReader.abbreviate(line.strip()));
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            int index;
            try {
                index = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw ProbeException.failed("nvidia-smi line " + lineNo + ": index '" + SysfsReader.abbreviate(f[0])
                        + "' is not a number");
            }
            GpuDevice device = new GpuDevice(index, "nvidia", null, deviceId(f[4]), BusAddress.normalize(f[3]),
                    LlvmTargets.fromComputeCapability(f[6]), mebibytes(f[5]), null, null,
                    f[1].startsWith("GPU-") || f[1].startsWith("MIG-") ? f[1] : null);
            gpus.add(ProbedGpu.of(device));
        }
        return new HostReading("nvidia-smi --query-gpu", gpus);
    }

    /** "0x233010DE" -> 0x2330; 0 when the vendor half is not NVIDIA's or the value is "[N/A]". */
    private static int deviceId(String text) {
        String t = text.toLowerCase();
        if (!t.matches("0x[0-9a-f]{8}")) {
            return 0;
        }
        long value = Long.parseLong(t.substring(2), 16);
        return (value & 0xffff) == PciSysfsProbe.NVIDIA ? (int) (value >>> 16) : 0;
    }

    private static long mebibytes(String text) {
        return text.matches("\\d{1,12}") ? Long.parseLong(text) : 0;
    }
}
