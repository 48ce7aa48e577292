package aimengine.cli.launch;

import aimengine.generate.EngineAccess;
import aimengine.generate.EngineCommand;
import aimengine.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The secrets a run hands to the engine: the API key that protects the engine's endpoint (--api-key-file, else
 * AIM_API_KEY_FILE, else AIM_API_KEY; a Kubernetes Secret is mounted as a file and named by AIM_API_KEY_FILE) and the
 * Hugging Face token (HF_TOKEN) the engine inherits. Neither is ever printed: messages name where a key came from,
 * never the key.
 *
 * @param apiKey  the API key, or null when the API is open
 * @param origin  where the key came from, for messages ("--api-key-file /run/secrets/key", "AIM_API_KEY")
 * @param hfToken the Hugging Face token in the environment, or null
 */
public record EngineSecrets(String apiKey, String origin, String hfToken) {
    public static final String KEY_FILE_ENV = "AIM_API_KEY_FILE";
    public static final String KEY_ENV = "AIM_API_KEY";
    public static final String HF_TOKEN_ENV = "HF_TOKEN";

    /**
     * @param keyFile --api-key-file, or null
     * @throws InputException when the key file cannot be read or a key is empty or spans lines
     */
    public static EngineSecrets from(Path keyFile, Map<String, String> env, Path workingDirectory) {
        String hfToken = blankToNull(env.get(HF_TOKEN_ENV));
        if (keyFile != null) {
            return new EngineSecrets(read(workingDirectory.resolve(keyFile), "--api-key-file"), "--api-key-file "
                    + keyFile, hfToken);
        }
        if (blankToNull(env.get(KEY_FILE_ENV)) != null) {
            Path file = workingDirectory.resolve(env.get(KEY_FILE_ENV));
            return new EngineSecrets(read(file, KEY_FILE_ENV), KEY_FILE_ENV + "=" + file, hfToken);
        }
        if (env.containsKey(KEY_ENV)) {
            return new EngineSecrets(check(env.get(KEY_ENV).strip(), KEY_ENV), KEY_ENV, hfToken);
        }
        return new EngineSecrets(null, null, hfToken);
    }

    private static String read(Path file, String origin) {
        try {
            // A key file written by echo or mounted from a Secret often ends with a newline: it is not part of the key.
            return check(Files.readString(file).strip(), origin + " " + file);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read the API key file (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static String check(String key, String origin) {
        if (key.isEmpty()) {
            throw new InputException(origin + ": the API key is empty");
        }
        if (key.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == 0)) {
            throw new InputException(origin + ": the API key spans several lines or holds a NUL; give it on one line");
        }
        return key;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** The command with the key given the engine's way and every secret marked for masking. */
    public EngineCommand protect(EngineCommand command) {
        return EngineAccess.protect(command, apiKey, hfToken);
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "EngineSecrets[apiKey=" + (apiKey == null ? "none" : EngineCommand.MASK + " from " + origin)
                + ", hfToken=" + (hfToken == null ? "none" : EngineCommand.MASK) + "]";
    }
}
