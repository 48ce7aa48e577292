package aimengine.engine;

/** The serving engines aim-engine can launch. */
public enum Backend {
    VLLM("vllm_serve"), SGLANG("sglang_serve");

    private final String recipeSection;

    Backend(String recipeSection) {
        this.recipeSection = recipeSection;
    }

    /** The key under which a seed-format recipe lists this engine's variants. */
    public String recipeSection() {
        return recipeSection;
    }

    /** Everything aim-engine knows about this engine. */
    public EngineProfile profile() {
        return switch (this) {
            case VLLM -> EngineProfiles.VLLM;
            case SGLANG -> EngineProfiles.SGLANG;
        };
    }

    public String key() {
        return name().toLowerCase();
    }

    /** The backend of this key; null for an unknown key or none (no --backend given: the plan prefers vLLM). */
    public static Backend parse(String text) {
        if (text == null) {
            return null;
        }
        for (Backend b : values()) {
            if (b.key().equalsIgnoreCase(text.trim())) {
                return b;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key();
    }
}
