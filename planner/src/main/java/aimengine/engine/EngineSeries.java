package aimengine.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The series of an engine's own Prometheus metrics that aim-engine summarises (`status`) and its dashboard reads.
 *
 * @param running          requests being computed (gauge)
 * @param waiting          requests queued (gauge)
 * @param kvCacheUsage     KV-cache usage, 0 to 1 (gauge): the first of these names the engine exports is used
 * @param ttft             time to first token (histogram base name; its _bucket series are read)
 * @param generationTokens generated tokens (counter)
 */
public record EngineSeries(String running, String waiting, List<String> kvCacheUsage, String ttft,
                           String generationTokens) {

    public EngineSeries {
        kvCacheUsage = List.copyOf(kvCacheUsage);
    }

    /** Every series name read. */
    public List<String> all() {
        List<String> all = new ArrayList<>(List.of(running, waiting, ttft + "_bucket", generationTokens));
        all.addAll(kvCacheUsage);
        return all;
    }
}
