package aimengine.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * Tests never reach the internet: a model aim-engine has no facts for would send it to the public Hugging Face Hub,
 * so every CLI run in the tests is offline (HF_HUB_OFFLINE=1) unless the test points HF_ENDPOINT at its loopback
 * stand-in Hub or sets HF_HUB_OFFLINE itself.
 */
public final class HubOff {
    private HubOff() {
    }

    public static Map<String, String> unlessAsked(Map<String, String> env) {
        if (env.containsKey("HF_ENDPOINT") || env.containsKey("HF_HUB_OFFLINE")) {
            return env;
        }
        Map<String, String> offline = new HashMap<>(env);
        offline.put("HF_HUB_OFFLINE", "1");
        return offline;
    }
}
