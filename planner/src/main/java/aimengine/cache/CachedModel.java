package aimengine.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One model in the hub cache (models--ORG--NAME).
 *
 * @param id           Hugging Face id, e.g. "Qwen/Qwen3-0.6B"
 * @param folder       the model folder
 * @param revisions    its snapshots, sorted by commit
 * @param files        distinct files its snapshots hold (a blob shared by several snapshots counts once)
 * @param bytesOnDisk  bytes of the regular files in the folder, each file once: blobs, partial downloads, refs;
 *                     what deleting the model frees
 * @param lastModified newest modification time in the folder, null when it is empty
 * @param lastAccessed newest access time of its blobs and plain files, null when it has none
 * @param problems     why it is incomplete, its revisions' problems included; empty when complete
 */
public record CachedModel(String id, Path folder, List<CachedRevision> revisions, int files, long bytesOnDisk,
                          Instant lastModified, Instant lastAccessed, List<String> problems) {

    public CachedModel {
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    /** When it was last written or read; null when nothing in it has a time. */
    public Instant lastUsed() {
        return Stream.of(lastModified, lastAccessed).filter(t -> t != null).max(Instant::compareTo).orElse(null);
    }
}
