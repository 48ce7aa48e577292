package aimengine.generate;

import aimengine.engine.EngineProfile;

/**
 * Gives the engine its API key and marks the Hugging Face token as a secret, without either leaking. An engine that
 * reads its key from the environment (vLLM: VLLM_API_KEY) gets it there and never on its command line, which every
 * user of the host can read in /proc/PID/cmdline; an engine that only takes a flag (SGLang: --api-key) gets the flag,
 * masked wherever aim-engine shows or stores the command. The token reaches either engine through the inherited
 * environment (HF_TOKEN).
 */
public final class EngineAccess {
    private EngineAccess() {
    }

    /**
     * @param apiKey  the key protecting the engine's API, or null for none
     * @param hfToken the Hugging Face token in aim-engine's environment, or null
     */
    public static EngineCommand protect(EngineCommand command, String apiKey, String hfToken) {
        EngineCommand c = command.withSecret(hfToken);
        if (apiKey == null) {
            return c;
        }
        EngineProfile profile = command.backend().profile();
        return profile.apiKeyEnv() != null ? c.withSecretEnv(profile.apiKeyEnv(), apiKey)
                : c.withSecretArg(profile.apiKeyFlag(), apiKey);
    }
}
