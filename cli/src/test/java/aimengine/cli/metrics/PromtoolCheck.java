package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `promtool check metrics` (Debian's prometheus package) on an exposition: the real parser and linter. */
public final class PromtoolCheck {
    private PromtoolCheck() {
    }

    /** The exposition parses; lint findings are allowed only for the engine's own series, which are not ours to rename. */
    public static void assertAccepted(Path exposition) throws IOException, InterruptedException {
        Path promtool = PrometheusServer.require("promtool");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
                .redirectInput(exposition.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes());
        List<String> ours = said.lines().filter(l -> !l.isBlank() && !l.startsWith("vllm:") && !l.startsWith("sglang:"))
                .toList();
        assertEquals(List.of(), ours, "promtool check metrics: " + said);
    }
}
