package aimengine.probe;

import aimengine.io.AtomicFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link HostView} as a host profile that {@link HostProfile} reads back to the same groups. */
public final class HostProfileWriter {
    private final YAMLMapper yaml = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    /** The profile text. The engine count is written only when the engine probe measured it. */
    public String text(HostView view) {
        if (view.groups().isEmpty()) {
            throw new IllegalArgumentException("no GPU of the hardware catalog to write in a host profile");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("description", "written by aim-engine detect from " + view.views().stream()
                .map(v -> v.layer() + ": " + v.source()).reduce((a, b) -> a + "; " + b).orElse(view.source()));
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (GpuGroup g : view.groups()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("product", g.product());
            entry.put("count", g.host());
            entry.put("vram_mib", g.vramMiB());
            entry.put("container_visible", g.container());
            if (view.engineProbed()) {
                entry.put("engine_visible", g.engine());
            }
            gpus.add(entry);
        }
        doc.put("gpus", gpus);
        StringBuilder out = new StringBuilder("# Host profile: the GPUs of this machine. Plan with it: aim-engine plan --host FILE\n");
        view.devices().stream().filter(d -> d.product() == null).forEach(d -> out.append(
                "# left out, not in the hardware catalog: ").append(d.label()).append('\n'));
        try {
            return out.append(yaml.writeValueAsString(doc)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a host profile as YAML", e);
        }
    }

    /** Writes the profile to a temporary file beside file, then moves it into place: never a half-written file. */
    public void write(HostView view, Path file) {
        try {
            AtomicFile.write(file, text(view));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write host profile " + file + ": "
                    + SysfsReader.reason(e), e));
        }
    }
}
