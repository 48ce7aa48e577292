package aimengine.recipe;

/** How much a recipe has been tuned, in AMD AIM's words; the order is the preference order. */
public enum RecipeType {
    OPTIMIZED, PREVIEW, UNOPTIMIZED, GENERAL;

    public String key() {
        return name().toLowerCase();
    }

    public static RecipeType parse(String text) {
        for (RecipeType t : values()) {
            if (t.key().equalsIgnoreCase(text)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key();
    }
}
