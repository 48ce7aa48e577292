package aimengine.facts;

/**
 * Where the requested model's weights and code come from.
 *
 * @param model    the model as requested
 * @param kind     "hub" (a Hugging Face id, cached or to be downloaded) or "local" (a model folder on disk)
 * @param location the Hugging Face id, or the local folder as an absolute path
 * @param commit   the snapshot commit the plan is made from (a cached Hub model), null when none is known
 */
public record ModelSource(String model, String kind, String location, String commit) {
    public static final String HUB = "hub";
    public static final String LOCAL = "local";

    public boolean hub() {
        return HUB.equals(kind);
    }

    public boolean pinned() {
        return commit != null;
    }

    /** For messages: "Hugging Face model org/name" or "local folder /path". */
    public String describe() {
        return hub() ? "Hugging Face model " + location : "local folder " + location;
    }
}
