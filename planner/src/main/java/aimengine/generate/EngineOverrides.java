package aimengine.generate;

import aimengine.engine.EngineFlags;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Engine flags the user sets on top of a recipe, as read: {@code AIM_ENGINE_ARGS} (a JSON object) and then
 * {@code --engine-arg KEY=VALUE} (repeatable; the command line wins over the environment). {@link OverrideMerger}
 * merges them into a recipe's variant.
 */
public final class EngineOverrides {
    /** Where overrides from the environment come from. */
    public static final String ENV = "AIM_ENGINE_ARGS";

    /**
     * One override.
     *
     * @param flag   with its leading dashes
     * @param value  null for a bare switch
     * @param origin what the user wrote, for messages
     */
    public record Override(String flag, String value, String origin) {
    }

    private final List<Override> overrides;

    private EngineOverrides(List<Override> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    /**
     * @param engineArgs    the --engine-arg values: KEY=VALUE, or KEY or KEY= for a bare switch; dashes optional
     * @param aimEngineArgs the AIM_ENGINE_ARGS value, null or blank when unset
     * @throws InputException naming each override that cannot be read
     */
    public static EngineOverrides parse(List<String> engineArgs, String aimEngineArgs) {
        List<InputProblem> problems = new ArrayList<>();
        List<Override> list = new ArrayList<>();
        if (aimEngineArgs != null && !aimEngineArgs.isBlank()) {
            fromJson(aimEngineArgs, list, problems);
        }
        for (String raw : engineArgs) {
            int eq = raw.indexOf('=');
            String key = (eq < 0 ? raw : raw.substring(0, eq)).trim();
            if (key.replace("-", "").isEmpty()) {
                problems.add(new InputProblem("--engine-arg", 0, "'" + raw + "' has no flag name; write KEY=VALUE, e.g. max-model-len=8192"));
                continue;
            }
            String value = eq < 0 || eq == raw.length() - 1 ? null : raw.substring(eq + 1);
            list.add(new Override(flagName(key), value, "--engine-arg " + raw));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new EngineOverrides(list);
    }

    private static void fromJson(String text, List<Override> list, List<InputProblem> problems) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new InputProblem(ENV, 0, "not valid JSON (" + e.getOriginalMessage()
                    + "); write an object such as {\"max-model-len\": 8192, \"enforce-eager\": true}"));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(new InputProblem(ENV, 0, "must be a JSON object of flag: value, such as {\"max-model-len\": 8192}"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String value = v.isNull() ? null : v.isContainerNode() ? v.toString() : v.asText();
            list.add(new Override(flagName(e.getKey()), value, ENV + " " + e.getKey()));
        }
    }

    private static String flagName(String key) {
        return key.startsWith("-") ? key : "--" + key;
    }

    public List<Override> all() {
        return overrides;
    }

    /** Whether an override sets one of these flags (any spelling), e.g. the context length a plan would impose. */
    public boolean sets(List<String> names) {
        return overrides.stream().anyMatch(o -> {
            for (String n : names) {
                if (EngineFlags.sameFlag(o.flag(), n)) {
                    return true;
                }
            }
            return false;
        });
    }
}
