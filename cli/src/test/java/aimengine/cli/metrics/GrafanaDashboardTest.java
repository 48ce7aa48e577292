package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.engine.Backend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/grafana/aim-engine.json queries only series that aim-engine or the engine export. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("../deploy/grafana/aim-engine.json");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "increase",
            "histogram_quantile", "by", "without", "label_values");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** Every series name aim-engine's registry can expose, with the suffixes of its types. */
    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        GpuSampler gpus = new GpuSampler(Optional.empty(), java.time.Duration.ofSeconds(10), System::nanoTime,
                id -> Optional.empty());
        RunMetrics metrics = new RunMetrics(new ProcessTreeUsage(Path.of("/proc")), gpus, System::nanoTime);
        for (MetricSnapshot s : metrics.registry().scrape()) {
            String n = s.getMetadata().getPrometheusName();
            if (s instanceof CounterSnapshot) {
                names.add(n + "_total");
            } else if (s instanceof HistogramSnapshot) {
                names.addAll(List.of(n + "_bucket", n + "_count", n + "_sum"));
            } else if (s instanceof InfoSnapshot) {
                names.add(n + "_info");
            } else {
                names.add(n);
            }
        }
        for (Backend b : Backend.values()) {
            names.addAll(b.profile().serving().series().all());
        }
        return names;
    }

    /** The series names a PromQL expression reads: what is left after labels, ranges, groupings and functions. */
    static List<String> seriesIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "").replaceAll("\\b\\d+(\\.\\d+)?\\b", "");
        List<String> names = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (!PROMQL.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void everyQueriedSeriesIsExported() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> exported = exported();
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            List<String> inPanel = new ArrayList<>();
            panel.path("targets").forEach(t -> inPanel.addAll(seriesIn(t.path("expr").asText())));
            assertTrue(!inPanel.isEmpty(), "panel '" + panel.path("title").asText() + "' queries nothing");
            queried.addAll(inPanel);
        }
        // a variable's label_values(SERIES, LABEL): the second argument is a label
        dashboard.path("templating").path("list").forEach(v -> queried.addAll(seriesIn(v.path("query").asText()
                .replaceAll("label_values\\((.*),\\s*\\w+\\)", "$1"))));
        Set<String> unknown = new TreeSet<>(queried);
        unknown.removeAll(exported);
        assertEquals(Set.of(), unknown, "queried but exported by neither aim-engine nor the engine");
        assertTrue(queried.containsAll(List.of("aim_engine_ready", "aim_engine_restarts_total",
                "aim_engine_gpu_utilization_ratio", "aim_engine_gpu_memory_used_bytes", "aim_engine_gpu_temperature_celsius",
                "vllm:num_requests_running", "vllm:time_to_first_token_seconds_bucket", "vllm:generation_tokens_total",
                "vllm:kv_cache_usage_perc")), queried.toString());
    }

    @Test
    void aSeriesNobodyExportsIsCaught() {
        assertEquals(List.of("vllm:made_up_total"), seriesIn("sum by (le) (rate(vllm:made_up_total{job=~\"$job\"}[1m]))"));
        assertTrue(!exported().contains("vllm:made_up_total"));
    }

    @Test
    void theDashboardIsAnImportableGrafanaDocument() throws Exception {
        JsonNode d = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("aim-engine", d.path("uid").asText());
        assertTrue(d.path("schemaVersion").asInt() >= 36);
        assertEquals("DS_PROMETHEUS", d.path("__inputs").get(0).path("name").asText());
        d.path("panels").forEach(p -> assertTrue(p.path("gridPos").path("w").asInt() > 0, p.toString()));
    }
}
