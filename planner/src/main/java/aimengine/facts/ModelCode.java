package aimengine.facts;

import java.util.List;

/**
 * Whether the model carries its own code: config.json's {@code auto_map} names Python classes in the model's
 * repository that transformers imports (remote code), and {@code architectures} names the model class an engine may
 * implement natively instead.
 *
 * @param model         the model as requested
 * @param architectures config.json architectures, e.g. ["DeepseekV3ForCausalLM"]; empty when not stated
 * @param autoMap       the auto_map classes, e.g. ["modeling_deepseek.DeepseekV3ForCausalLM"]; empty without auto_map
 */
public record ModelCode(String model, List<String> architectures, List<String> autoMap) {

    public ModelCode {
        architectures = List.copyOf(architectures);
        autoMap = List.copyOf(autoMap);
    }

    public boolean hasAutoMap() {
        return !autoMap.isEmpty();
    }

    /** For messages: the architectures, or "an unstated architecture". */
    public String architectureText() {
        return architectures.isEmpty() ? "an unstated architecture" : String.join(", ", architectures);
    }
}
