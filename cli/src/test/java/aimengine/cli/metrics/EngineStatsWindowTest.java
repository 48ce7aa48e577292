package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import aimengine.engine.Backend;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The engine's last minute as status shows it. */
class EngineStatsWindowTest {
    private static final long S = 1_000_000_000L;

    private static String vllm(double tokens, double fast, double all) {
        return "vllm:num_requests_running{model_name=\"m\"} 3\n"
                + "vllm:num_requests_waiting{model_name=\"m\"} 1\n"
                + "vllm:gpu_cache_usage_perc{model_name=\"m\"} 0.5\n"
                + "vllm:generation_tokens_total{model_name=\"m\"} " + tokens + "\n"
                + "vllm:time_to_first_token_seconds_bucket{model_name=\"m\",le=\"0.1\"} " + fast + "\n"
                + "vllm:time_to_first_token_seconds_bucket{model_name=\"m\",le=\"1.0\"} " + all + "\n"
                + "vllm:time_to_first_token_seconds_bucket{model_name=\"m\",le=\"+Inf\"} " + all + "\n";
    }

    @Test
    void ratesAndQuantilesComeFromGrowthWithinTheWindow() {
        EngineStatsWindow w = new EngineStatsWindow(Backend.VLLM.profile().serving().series());
        w.add(0, ExpositionText.parse(vllm(1000, 100, 100)));
        w.add(10 * S, ExpositionText.parse(vllm(1500, 110, 120)));
        EngineStatsWindow.Stats s = w.stats();
        assertEquals(3.0, s.requestsRunning());
        assertEquals(1.0, s.requestsWaiting());
        assertEquals(0.5, s.kvCacheUsageRatio(), "the older vLLM name when kv_cache_usage_perc is absent");
        assertEquals(50.0, s.generatedTokensPerSecond());
        // 20 first tokens in the window: 10 under 0.1 s, 10 between 0.1 and 1 s
        assertEquals(0.1, s.ttftMedianSeconds(), 1e-9);
        assertEquals(0.1 + 0.9 * 9 / 10, s.ttftP95Seconds(), 1e-9);
    }

    @Test
    void scrapesOlderThanAMinuteLeaveTheWindow() {
        EngineStatsWindow w = new EngineStatsWindow(Backend.VLLM.profile().serving().series());
        w.add(0, ExpositionText.parse(vllm(0, 0, 0)));
        w.add(30 * S, ExpositionText.parse(vllm(3000, 0, 0)));
        w.add(90 * S, ExpositionText.parse(vllm(3600, 0, 0)));
        assertEquals(10.0, w.stats().generatedTokensPerSecond(), "from the scrape at 30 s, not the one at 0 s");
        assertNull(w.stats().ttftMedianSeconds(), "no first token in the window");
    }

    @Test
    void oneScrapeGivesGaugesButNoRates() {
        EngineStatsWindow w = new EngineStatsWindow(Backend.SGLANG.profile().serving().series());
        w.add(0, ExpositionText.parse("sglang:num_running_reqs{tp_rank=\"0\"} 4\nsglang:token_usage 0.125\n"));
        EngineStatsWindow.Stats s = w.stats();
        assertEquals(4.0, s.requestsRunning());
        assertEquals(0.125, s.kvCacheUsageRatio());
        assertNull(s.generatedTokensPerSecond());
        assertNull(s.requestsWaiting(), "not exported: absent");
    }

    @Test
    void quantileInTheOpenTopBucketIsTheLastBound() {
        TreeMap<Double, Double> c = new TreeMap<>();
        c.put(1.0, 0.0);
        c.put(Double.POSITIVE_INFINITY, 5.0);
        assertEquals(1.0, EngineStatsWindow.quantile(0.5, c));
    }
}
