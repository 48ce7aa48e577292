package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint on loopback: aim-engine's series, then the engine's unchanged; none of the engine's while it is down. */
class MetricsEndpointTest {
    private static final String ENGINE = "# HELP vllm:num_requests_running Number of requests in model execution batches.\n"
            + "# TYPE vllm:num_requests_running gauge\n"
            + "vllm:num_requests_running{engine=\"0\",model_name=\"m\"} 2.0\n";

    @TempDir
    Path dir;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RunMetrics metrics() throws Exception {
        Path sysfs = Path.of(MetricsEndpointTest.class.getResource("amdgpu-sysfs").toURI());
        GpuSampler gpus = new GpuSampler(Optional.of(new AmdSysfsGpuReader(sysfs)), Duration.ofSeconds(10),
                System::nanoTime, id -> Optional.empty());
        gpus.sample();
        RunMetrics m = new RunMetrics(new ProcessTreeUsage(Path.of("/proc")), gpus, System::nanoTime);
        m.planned("org/model", "some-recipe", "vllm", "bf16", 1, "test");
        m.checked(Duration.ofMillis(3), false);
        return m;
    }

    @Test
    void theEngineSeriesFollowUnchangedAndVanishWhileItIsDown() throws Exception {
        AtomicReference<Optional<String>> engine = new AtomicReference<>(Optional.of(ENGINE));
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics().registry(), engine::get)) {
            HttpResponse<String> r = get(endpoint.port(), "/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            assertTrue(r.body().startsWith("# HELP aim_engine_info "), r.body());
            assertTrue(r.body().endsWith(ENGINE), r.body());
            assertTrue(r.body().contains("aim_engine_up 0"), "no engine started yet: " + r.body());
            assertTrue(r.body().contains("aim_engine_health_check_failures_total 1"), r.body());
            Path exposition = Files.writeString(dir.resolve("metrics.txt"), r.body());
            PromtoolCheck.assertAccepted(exposition);

            engine.set(Optional.empty());
            String down = get(endpoint.port(), "/metrics").body();
            assertFalse(down.contains("vllm:"), down);
            assertTrue(down.contains("aim_engine_gpu_utilization_ratio{"), down);

            engine.set(Optional.of(ENGINE));
            assertFalse(get(endpoint.port(), "/metrics/aim-engine").body().contains("vllm:"), "aim-engine's alone");
            assertEquals(404, get(endpoint.port(), "/elsewhere").statusCode());
        }
    }

    @Test
    void anOpenMetricsEndFromTheEngineDoesNotEndTheExposition() {
        assertEquals("a 1\n", EngineMetricsSource.withoutEof("a 1\n# EOF\n"));
        assertEquals("a 1\n", EngineMetricsSource.withoutEof("a 1"), "a last line without its newline gets one");
        assertEquals("", EngineMetricsSource.withoutEof(" \n"));
    }

    @Test
    void aBusyPortIsAnError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThrows(IOException.class, () -> MetricsEndpoint.start("127.0.0.1", busy.getLocalPort(),
                    metrics().registry(), Optional::empty));
        }
    }
}
