package aimengine.cli.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The run's scrape target, served by the Prometheus client's HTTP server from before the engine starts until aim-engine
 * exits, so "down" is visible. {@code GET /metrics} answers aim-engine's own metrics followed by the engine's own
 * exposition unchanged, both in the text format 0.0.4 (the engine's text cannot be re-encoded into another format
 * without changing it); {@code /metrics/aim-engine} answers aim-engine's alone in whatever format the scraper asks for;
 * {@code /-/healthy} answers while the server runs.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final String OWN_PATH = "/metrics/aim-engine";
    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    /**
     * @param engine the engine's exposition, empty while it is down
     * @throws IOException when the address cannot be bound (port in use)
     */
    public static MetricsEndpoint start(String bind, int port, PrometheusRegistry registry,
                                        Supplier<Optional<String>> engine) throws IOException {
        PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
        HTTPServer server = HTTPServer.builder().hostname(bind).port(port).registry(registry)
                .metricsHandlerPath(OWN_PATH)
                .defaultHandler(exchange -> {
                    try (exchange) {
                        if (exchange.getRequestURI().getPath().equals("/metrics")) {
                            combined(exchange, text, registry, engine);
                        } else if (exchange.getRequestURI().getPath().equals("/")) {
                            reply(exchange, 200, "text/plain; charset=utf-8", ("aim-engine: scrape /metrics (aim-engine"
                                    + " and the engine), " + OWN_PATH + " (aim-engine alone)\n")
                                    .getBytes(StandardCharsets.UTF_8));
                        } else {
                            reply(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                        }
                    }
                })
                .buildAndStart();
        return new MetricsEndpoint(server);
    }

    public int port() {
        return server.getPort();
    }

    private static void combined(HttpExchange exchange, PrometheusTextFormatWriter text, PrometheusRegistry registry,
                                 Supplier<Optional<String>> engine) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        text.write(body, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        engine.get().ifPresent(e -> body.writeBytes(e.getBytes(StandardCharsets.UTF_8)));
        reply(exchange, 200, text.getContentType(), body.toByteArray());
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
