package aimengine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a config.json says about code: the model classes it names (architectures) and the Python classes of the
 * model's own repository that transformers would import (auto_map values, e.g. "modeling_deepseek.DeepseekV3Model";
 * a value may name another repository as "org/repo--module.Class").
 */
public record ConfigCode(List<String> architectures, List<String> autoMap) {

    public ConfigCode {
        architectures = List.copyOf(architectures);
        autoMap = List.copyOf(autoMap);
    }

    public static ConfigCode from(JsonNode config) {
        List<String> architectures = new ArrayList<>();
        config.path("architectures").forEach(a -> architectures.add(a.asText()));
        List<String> autoMap = new ArrayList<>();
        // The model class first: it is what messages name. Values are a class name, or a [slow, fast] pair of
        // tokenizer classes (either may be null).
        JsonNode causalLm = config.path("auto_map").path("AutoModelForCausalLM");
        if (causalLm.isTextual()) {
            autoMap.add(causalLm.asText());
        }
        config.path("auto_map").forEach(v -> {
            if (v == causalLm) {
                return;
            }
            if (v.isArray()) {
                v.forEach(x -> {
                    if (x.isTextual()) {
                        autoMap.add(x.asText());
                    }
                });
            } else if (v.isTextual()) {
                autoMap.add(v.asText());
            }
        });
        return new ConfigCode(architectures, autoMap);
    }
}
