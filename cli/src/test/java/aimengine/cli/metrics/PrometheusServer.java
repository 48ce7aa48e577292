package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import aimengine.io.Executables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, which .ci/run installs) on 127.0.0.1, scraping one
 * target every second; a test that needs it is skipped, saying so, where it is not installed.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    private PrometheusServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** The prometheus or promtool binary; the calling test is skipped when it is not installed. */
    public static Path require(String binary) {
        Optional<Path> found = Executables.find(binary, System.getenv("PATH"));
        assumeTrue(found.isPresent(), binary + " is not installed (Debian package 'prometheus'; .ci/run installs it):"
                + " skipping the test that needs a real Prometheus");
        return found.get();
    }

    public static PrometheusServer scraping(Path dir, int port, String target) throws IOException {
        Path binary = require("prometheus");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\nscrape_configs:\n"
                + "  - job_name: aim-engine\n    static_configs:\n      - targets: ['" + target + "']\n");
        Process p = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        return new PrometheusServer(p, URI.create("http://127.0.0.1:" + port));
    }

    /** The value of an instant query's first series, empty while there is none (or Prometheus is not up yet). */
    public Optional<Double> query(String promql) throws InterruptedException {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode result = JSON.readTree(r.body()).path("data").path("result");
            return result.isArray() && !result.isEmpty()
                    ? Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asText())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
