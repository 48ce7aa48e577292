package aimengine.facts;

/**
 * What the user asked for. Strings and ints (0 = not asked) keep the rule files free of Java types.
 *
 * @param model     model id as given
 * @param gpus      requested GPU count, 0 when not asked
 * @param precision requested precision key, null when not asked
 * @param backend   engine key asked for with --backend, null when not asked (the preference rules then prefer vLLM)
 * @param metric    "latency" (default, as AMD's AIM) or "throughput"
 * @param recipe    pinned recipe id, null when not pinned
 * @param strict    any fallback is an error
 */
public record PlanRequest(String model, int gpus, String precision, String backend, String metric, String recipe,
                          boolean strict) {

    public boolean gpusRequested() {
        return gpus > 0;
    }

    public boolean precisionRequested() {
        return precision != null;
    }

    public boolean backendRequested() {
        return backend != null;
    }

    public boolean pinned() {
        return recipe != null;
    }
}
