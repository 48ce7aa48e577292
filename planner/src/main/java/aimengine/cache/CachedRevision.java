package aimengine.cache;

import java.time.Instant;
import java.util.List;

/**
 * One snapshot of a cached model (snapshots/COMMIT).
 *
 * @param commit       the snapshot folder name, a commit hash
 * @param refs         the refs pointing at it ("main", "pr/1"), sorted
 * @param files        files in the snapshot, links and plain files, broken ones included
 * @param weightFiles  of those, readable weight files (*.safetensors, *.bin, *.pt, *.pth, *.gguf)
 * @param bytes        bytes of the files it holds, each blob once (a blob shared with other snapshots counts here too)
 * @param lastModified newest modification time of its entries, null when it has none
 * @param problems     why it is incomplete (broken links, missing shards, links out of the model); empty when whole
 */
public record CachedRevision(String commit, List<String> refs, int files, int weightFiles, long bytes,
                             Instant lastModified, List<String> problems) {

    public CachedRevision {
        refs = List.copyOf(refs);
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
