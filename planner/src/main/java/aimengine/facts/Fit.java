package aimengine.facts;

import aimengine.model.MemoryEstimate;
import java.util.Collection;

/** The memory budget computed for a candidate on the usable GPUs. */
public record Fit(String candidate, MemoryEstimate estimate) {

    /** The fit that comes closest to fitting (most memory left for the KV cache), or null when there is none. */
    public static Fit closest(Collection<?> fits) {
        Fit best = null;
        for (Object o : fits) {
            Fit f = (Fit) o;
            if (best == null || f.estimate().kvCacheGiBPerGpu() > best.estimate().kvCacheGiBPerGpu()) {
                best = f;
            }
        }
        return best;
    }
}
