package aimengine.cli.metrics;

import aimengine.probe.BusAddress;
import aimengine.probe.ProbeException;
import aimengine.probe.ToolRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NVIDIA GPUs from {@code nvidia-smi --query-gpu=... --format=csv,nounits}. Columns are found by the header line,
 * so output with units ("143771 MiB", "0 %") or with other columns parses too; "[N/A]" and "[Not Supported]" are
 * absent readings.
 */
public final class NvidiaSmiGpuReader implements GpuReader {
    static final String QUERY = "index,name,pci.bus_id,utilization.gpu,memory.used,memory.total,temperature.gpu,"
            + "temperature.memory,power.draw";
    private static final double MIB = 1024.0 * 1024.0;
    private final ToolRunner tools;
    private final Duration timeout;

    public NvidiaSmiGpuReader(ToolRunner tools, Duration timeout) {
        this.tools = tools;
        this.timeout = timeout;
    }

    @Override
    public String source() {
        return "nvidia-smi";
    }

    @Override
    public List<GpuReading> read() throws ProbeException {
        return parse(tools.run(timeout, "nvidia-smi", "--query-gpu=" + QUERY, "--format=csv,nounits").requireSuccess());
    }

    static List<GpuReading> parse(String output) throws ProbeException {
        String[] lines = output.strip().split("\\R");
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines[0].split(",");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i].replaceAll("\\[.*]", "").trim(), i);
        }
        if (!column.containsKey("index")) {
            throw ProbeException.failed("nvidia-smi printed no CSV header with an index column");
        }
        List<GpuReading> readings = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            String[] cells = lines[l].split(",");
            if (cells.length != header.length) {
                throw ProbeException.failed("nvidia-smi line " + (l + 1) + " has " + cells.length + " fields, the header "
                        + header.length);
            }
            Double index = number(cell(cells, column, "index"));
            if (index == null) {
                throw ProbeException.failed("nvidia-smi line " + (l + 1) + ": no device index");
            }
            Double util = number(cell(cells, column, "utilization.gpu"));
            Double used = number(cell(cells, column, "memory.used"));
            Double total = number(cell(cells, column, "memory.total"));
            Map<String, Double> t = new HashMap<>();
            Double core = number(cell(cells, column, "temperature.gpu"));
            Double memory = number(cell(cells, column, "temperature.memory"));
            if (core != null) {
                t.put("gpu", core);
            }
            if (memory != null) {
                t.put("memory", memory);
            }
            String bus = cell(cells, column, "pci.bus_id");
            readings.add(new GpuReading(index.intValue(), cell(cells, column, "name"),
                    bus == null ? null : BusAddress.normalize(bus), util == null ? null : util / 100.0,
                    used == null ? null : used * MIB, total == null ? null : total * MIB, t,
                    number(cell(cells, column, "power.draw"))));
        }
        return readings;
    }

    private static String cell(String[] cells, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null ? null : cells[i].trim();
    }

    /** "143771 MiB", "0 %", "38" or "700.00 W" as a number; "[N/A]", "[Not Supported]" and other text absent. */
    private static Double number(String cell) {
        if (cell == null) {
            return null;
        }
        String n = cell.replaceAll("\\s*(MiB|%|W)$", "");
        try {
            double d = Double.parseDouble(n);
            return Double.isFinite(d) && d >= 0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
