package aimengine.generate;

import aimengine.engine.Backend;

/**
 * How each engine is given an API key and a Hugging Face token without them leaking. vLLM reads its key from
 * VLLM_API_KEY, so it goes into the environment and never on the command line (which every user of the host can read
 * in /proc/PID/cmdline). SGLang takes the key only as --api-key, so there it is on the command line and masked
 * wherever aim-engine shows or stores the command. The Hugging Face token reaches either engine through the
 * inherited environment (HF_TOKEN); it is only marked as a secret here.
 */
public final class EngineAccess {
    public static final String VLLM_API_KEY = "VLLM_API_KEY";
    public static final String SGLANG_API_KEY_FLAG = "--api-key";

    private EngineAccess() {
    }

    /**
     * @param apiKey  the key protecting the engine's API, or null for none
     * @param hfToken the Hugging Face token in aim-engine's environment, or null
     */
    public static EngineCommand protect(EngineCommand command, Backend backend, String apiKey, String hfToken) {
        EngineCommand c = command.withSecret(hfToken);
        if (apiKey == null) {
            return c;
        }
        return switch (backend) {
            case VLLM -> c.withSecretEnv(VLLM_API_KEY, apiKey);
            case SGLANG -> c.withSecretArg(SGLANG_API_KEY_FLAG, apiKey);
        };
    }
}
