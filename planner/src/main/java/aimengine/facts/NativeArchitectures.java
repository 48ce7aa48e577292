package aimengine.facts;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model architectures (config.json architectures) an engine implements itself, so that it never needs the
 * model's own code for them.
 *
 * @param backend engine key
 * @param names   architecture class names, e.g. "LlamaForCausalLM"
 * @param at      where the list is written (file:line)
 */
public record NativeArchitectures(String backend, Set<String> names, String at) {

    public NativeArchitectures {
        names = Set.copyOf(new TreeSet<>(names));
    }

    /** True when the engine implements one of the model's architectures (transformers loads the first it can). */
    public boolean supportsAny(List<String> architectures) {
        return architectures.stream().anyMatch(names::contains);
    }
}
