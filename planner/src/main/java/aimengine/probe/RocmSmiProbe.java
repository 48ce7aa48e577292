package aimengine.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Asks the older `rocm-smi` when amd-smi is not there. The device id is read from "Device ID" (ROCm 6) or "GPU ID"
 * (ROCm 5); without either, from ROCm 6's "Card Model", which is the device id when a separate "Subsystem ID" is
 * printed beside it (ROCm 5's lowercase "Card model" is the subsystem id and is never read). "GFX Version" writes the
 * stepping in decimal (gfx9010 for gfx90a) and is converted, so a GPU is identified from --showproductname alone.
 */
public final class RocmSmiProbe implements GpuProbe<HostReading> {
    private final ToolRunner runner;
    private final Duration timeout;

    public RocmSmiProbe(ToolRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "rocm-smi";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public HostReading probe() throws ProbeException {
        // --showid is added to the documented flags: without it ROCm 5 prints no device id at all.
        String out = runner.run(timeout, "rocm-smi", "--showid", "--showproductname", "--showmeminfo", "vram",
                "--showbus", "--json").requireSuccess();
        return parse(ToolJson.parse("rocm-smi", out));
    }

    HostReading parse(JsonNode root) throws ProbeException {
        if (!root.isObject()) {
            throw ProbeException.failed("rocm-smi --json printed a list or value; expected {\"card0\": {...}, ...}");
        }
        List<Map.Entry<Integer, JsonNode>> cards = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().matches("card\\d{1,6}") && e.getValue().isObject()) {
                cards.add(Map.entry(Integer.parseInt(e.getKey().substring(4)), e.getValue()));
            }
        }
        cards.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        List<ProbedGpu> gpus = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> card : cards) {
            JsonNode c = card.getValue();
            int deviceId = deviceId(c);
            String vram = ToolJson.text(c.path("VRAM Total Memory (B)"));
            long vramMiB = vram != null && vram.matches("\\d{1,19}") ? Long.parseLong(vram) / (1024 * 1024) : 0;
            String unique = ToolJson.text(c.path("Unique ID"));
            GpuDevice device = new GpuDevice(gpus.size(), "amd", null, deviceId,
                    BusAddress.normalize(ToolJson.text(c.path("PCI Bus"))),
                    LlvmTargets.fromRocmSmi(ToolJson.text(c.path("GFX Version"))), vramMiB, null, null,
                    unique == null ? null : "GPU-" + unique.replaceFirst("^0x", ""));
            gpus.add(ProbedGpu.of(device));
        }
        return new HostReading("rocm-smi --json", gpus);
    }

    private static int deviceId(JsonNode card) {
        if (card.has("Device ID")) {
            return ToolJson.hexId(card.get("Device ID"));
        }
        if (card.has("GPU ID")) {
            return ToolJson.hexId(card.get("GPU ID"));
        }
        return card.has("Subsystem ID") ? ToolJson.hexId(card.path("Card Model")) : 0;
    }
}
