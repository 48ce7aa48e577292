package aimengine.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a checkpoint is in the hub cache, for the plan ("cached", "partial: 12 GiB to download") and for
 * run --offline, which must not start what it cannot load.
 *
 * @param checkpointId    the Hugging Face id looked up
 * @param cached          YES: the snapshot is complete and big enough; PARTIAL: something is there but not all;
 *                        NO: nothing is there
 * @param revision        the snapshot judged (the one refs/main names, else the newest), null when none
 * @param bytesOnDisk     bytes of that snapshot's files (0 when none)
 * @param expectedBytes   the size the caller expects (parameters x bytes per parameter), 0 when unknown
 * @param bytesToDownload about how much is still to download: 0 when cached, else expected minus on disk
 * @param problems        why it is not YES, one sentence each; empty when it is
 */
public record CheckpointStatus(String checkpointId, Cached cached, String revision, long bytesOnDisk,
                               long expectedBytes, long bytesToDownload, List<String> problems) {

    public enum Cached { YES, PARTIAL, NO }

    /**
     * A complete snapshot holding less than this share of the expected bytes is not the whole checkpoint (an
     * adapter, one quantized file of many); real checkpoints differ from parameters x bytes per parameter by
     * embeddings and scales, far less than this.
     */
    public static final double MIN_SHARE = 0.5;

    public CheckpointStatus {
        problems = List.copyOf(problems);
    }

    /** Whether an offline run can load it. */
    public boolean usableOffline() {
        return cached == Cached.YES;
    }

    /**
     * @param expectedBytes parameters x bytes per parameter of the checkpoint's precision; 0 or less when unknown,
     *                      which skips the size check
     */
    public static CheckpointStatus check(CacheRoot root, String checkpointId, long expectedBytes) {
        long expected = Math.max(0, expectedBytes);
        Optional<CachedModel> model = new CacheScanner(root).scan(checkpointId);
        if (model.isEmpty()) {
            return new CheckpointStatus(checkpointId, Cached.NO, null, 0, expected, expected,
                    List.of("not in the cache at " + root.path()));
        }
        Optional<CachedRevision> chosen = model.get().revisions().stream()
                .filter(r -> r.refs().contains("main")).findFirst()
                .or(() -> model.get().revisions().stream().max(Comparator.comparing(CachedRevision::lastModified,
                        Comparator.nullsFirst(Comparator.naturalOrder()))));
        if (chosen.isEmpty()) {
            long partial = model.get().bytesOnDisk();
            return new CheckpointStatus(checkpointId, partial > 0 ? Cached.PARTIAL : Cached.NO, null, 0, expected,
                    expected, model.get().problems());
        }
        CachedRevision revision = chosen.get();
        List<String> problems = new ArrayList<>(revision.problems());
        if (revision.weightFiles() == 0) {
            problems.add("the snapshot has no weight files");
        }
        if (expected > 0 && revision.bytes() < expected * MIN_SHARE) {
            problems.add("the snapshot holds " + revision.bytes() + " bytes, less than half of the " + expected
                    + " expected");
        }
        long bytes = revision.bytes();
        if (problems.isEmpty()) {
            return new CheckpointStatus(checkpointId, Cached.YES, revision.commit(), bytes, expected, 0, problems);
        }
        Cached cached = bytes > 0 || revision.files() > 0 ? Cached.PARTIAL : Cached.NO;
        return new CheckpointStatus(checkpointId, cached, revision.commit(), bytes, expected,
                Math.max(0, expected - bytes), problems);
    }
}
