package aimengine.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks `amd-smi static --json`. Before ROCm 7 it prints a bare list of GPUs, from 7.x an object {"gpu_data": [...]};
 * any field may be "N/A".
 */
public final class AmdSmiProbe implements GpuProbe<HostReading> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    private final ToolRunner runner;
    private final Duration timeout;

    public AmdSmiProbe(ToolRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "amd-smi";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public HostReading probe() throws ProbeException {
        String out = runner.run(timeout, "amd-smi", "static", "--json").requireSuccess();
        return parse(ToolJson.parse("amd-smi", out));
    }

    HostReading parse(JsonNode root) throws ProbeException {
        JsonNode list = root.isObject() && root.has("gpu_data") ? root.get("gpu_data") : root;
        if (!list.isArray()) {
            throw ProbeException.failed("amd-smi static --json printed " + (root.isObject() ? "an object" : "a value")
                    + " without 'gpu_data'; expected a list of GPUs");
        }
        List<ProbedGpu> gpus = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw ProbeException.failed("amd-smi static --json: GPU entry " + gpus.size() + " is not an object");
            }
            int index = entry.path("gpu").isIntegralNumber() ? entry.get("gpu").asInt() : gpus.size();
            JsonNode asic = entry.path("asic");
            String partition = ToolJson.text(entry.path("partition").path("compute_partition"));
            GpuDevice device = new GpuDevice(index, "amd", null, ToolJson.hexId(asic.path("device_id")),
                    BusAddress.normalize(ToolJson.text(entry.path("bus").path("bdf"))),
                    LlvmTargets.fromAmdSmi(ToolJson.text(asic.path("target_graphics_version"))),
                    vramMiB(entry.path("vram")), partition == null ? null : partition.toUpperCase(Locale.ROOT),
                    null, null);
            gpus.add(ProbedGpu.of(device));
        }
        return new HostReading("amd-smi static --json", gpus);
    }

    /** {"size": {"value": 196592, "unit": "MB"}} from 7.x; older versions print a number or "196592 MB". */
    private static long vramMiB(JsonNode vram) {
        JsonNode size = vram.has("size") ? vram.get("size") : vram.path("vram_size");
        if (size.isObject()) {
            return toMiB(size.path("value").asDouble(0), ToolJson.text(size.path("unit")));
        }
        if (size.isNumber()) {
            return size.asLong();
        }
        String text = ToolJson.text(size);
        if (text == null) {
            return 0;
        }
        Matcher m = SIZE.matcher(text);
        return m.matches() ? toMiB(Double.parseDouble(m.group(1)), m.group(2)) : 0;
    }

    /** amd-smi's "MB" are MiB: an MI300X reports 196592 MB, which is 192 GiB. */
    private static long toMiB(double value, String unit) {
        String u = unit == null ? "mb" : unit.toLowerCase(Locale.ROOT);
        double mib = switch (u) {
            case "b" -> value / (1024 * 1024);
            case "kb", "kib" -> value / 1024;
            case "gb", "gib" -> value * 1024;
            default -> value;
        };
        return Math.round(mib);
    }
}
