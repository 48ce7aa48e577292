package aimengine.engine;

/**
 * The engine settings aim-engine reads or writes itself. Each engine names them differently (its
 * {@link EngineProfile} says how); the first four are owned by aim-engine: it writes them from its own options, and a
 * recipe or an override may not set them.
 */
public enum EngineSetting {
    MODEL("give the model as aim-engine's MODEL argument"),
    TENSOR_PARALLEL("use aim-engine's --gpus (the tensor-parallel size is the GPU count)"),
    PORT("use aim-engine's --port"),
    HOST("use aim-engine's --bind"),
    CONTEXT_LENGTH(null),
    MEMORY_FRACTION(null),
    KV_CACHE_DTYPE(null),
    SERVED_MODEL_NAME(null);

    private final String ownedHint;

    EngineSetting(String ownedHint) {
        this.ownedHint = ownedHint;
    }

    /** Whether aim-engine sets it from its own options (a system flag). */
    public boolean ownedByAimEngine() {
        return ownedHint != null;
    }

    /** For an owned setting: which aim-engine option to use instead of the engine flag. */
    public String ownedHint() {
        return ownedHint;
    }
}
