package aimengine.cli.metrics;

import aimengine.probe.ProbeException;
import aimengine.probe.ToolRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AMD GPUs from {@code amd-smi metric --json}: a list of devices (ROCm 6) or {"gpu_data": [...]} (ROCm 6.4+), each
 * with {@code usage.gfx_activity}, {@code mem_usage.used_vram}/{@code total_vram} (in "MB", which amd-smi means as
 * MiB: 196592 for a 192 GiB MI300X), {@code temperature.edge}/{@code hotspot}/{@code mem} and
 * {@code power.socket_power}, every value as {"value": v, "unit": u} or "N/A".
 */
public final class AmdSmiGpuReader implements GpuReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024.0 * 1024.0;
    private final ToolRunner tools;
    private final Duration timeout;

    public AmdSmiGpuReader(ToolRunner tools, Duration timeout) {
        this.tools = tools;
        this.timeout = timeout;
    }

    @Override
    public String source() {
        return "amd-smi";
    }

    @Override
    public List<GpuReading> read() throws ProbeException {
        return parse(tools.run(timeout, "amd-smi", "metric", "--json").requireSuccess());
    }

    /** The readings in amd-smi's output; warning lines before the JSON (not in the render group) are skipped. */
    static List<GpuReading> parse(String output) throws ProbeException {
        int start = firstOf(output, '[', '{');
        JsonNode root;
        try {
            root = start < 0 ? null : JSON.readTree(output.substring(start));
        } catch (IOException e) {
            root = null;
        }
        JsonNode devices = root == null ? null : root.isArray() ? root : root.path("gpu_data");
        if (devices == null || !devices.isArray()) {
            throw ProbeException.failed("amd-smi metric --json printed no device list");
        }
        List<GpuReading> readings = new ArrayList<>();
        for (JsonNode d : devices) {
            if (!d.path("gpu").canConvertToInt()) {
                continue;
            }
            Double busy = value(d.path("usage").path("gfx_activity"));
            Double used = value(d.path("mem_usage").path("used_vram"));
            Double total = value(d.path("mem_usage").path("total_vram"));
            Map<String, Double> t = new LinkedHashMap<>();
            put(t, "edge", value(d.path("temperature").path("edge")));
            put(t, "junction", value(d.path("temperature").path("hotspot")));
            put(t, "memory", value(d.path("temperature").path("mem")));
            Double power = value(d.path("power").path("socket_power"));
            if (power == null) {
                power = value(d.path("power").path("average_socket_power"));
            }
            readings.add(new GpuReading(d.path("gpu").asInt(), null, null, busy == null ? null : busy / 100.0,
                    used == null ? null : used * MIB, total == null ? null : total * MIB, t, power));
        }
        return readings;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static void put(Map<String, Double> t, String sensor, Double v) {
        if (v != null) {
            t.put(sensor, v);
        }
    }

    /** {"value": 42, "unit": "%"} or a bare number; "N/A" and anything else is absent. */
    private static Double value(JsonNode n) {
        JsonNode v = n.isObject() ? n.path("value") : n;
        if (v.isNumber()) {
            return v.asDouble() >= 0 ? v.asDouble() : null;
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().trim());
                return Double.isFinite(d) && d >= 0 ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
