package aimengine.model.hub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST STAND-IN FOR THE HUGGING FACE HUB, not the Hub: a loopback HTTP server (the JDK's com.sun.net.httpserver)
 * that answers the two requests aim-engine makes, {@code GET /{id}/resolve/main/config.json} and
 * {@code GET /api/models/{id}}, with whatever a test sets, and records what it was asked and with which
 * Authorization header.
 */
final class StandInHub implements AutoCloseable {
    /** One canned answer; a {@code location} makes it a redirect. */
    record Answer(int status, String body, String location, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, null, 0);
        }

        static Answer status(int status) {
            return new Answer(status, "{\"error\":\"stand-in\"}", null, 0);
        }
    }

    /** A request as the stand-in saw it. */
    record Seen(String path, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    StandInHub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("Authorization")));
            Answer a = answers.getOrDefault(path, Answer.status(404));
            try {
                Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            if (a.location() != null) {
                exchange.getResponseHeaders().add("Location", a.location());
            }
            try {
                exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException e) {
                // the client gave up (a timeout test); nothing to answer
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers both requests for a model: its config.json and model info with a safetensors total. */
    StandInHub model(String id, String config, String safetensors) {
        answer("/" + id + "/resolve/main/config.json", Answer.ok(config));
        answer("/api/models/" + id, Answer.ok("{\"id\":\"" + id + "\",\"siblings\":[]"
                + (safetensors == null ? "" : ",\"safetensors\":" + safetensors) + "}"));
        return this;
    }

    StandInHub answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
