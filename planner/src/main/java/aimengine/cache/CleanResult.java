package aimengine.cache;

import java.util.List;

/**
 * What a clean did.
 *
 * @param deleted            the models removed, each whole
 * @param skipped            planned models left alone, with the reason (in use now, gone already, used since)
 * @param leftoverBytesFreed bytes freed by finishing the deletions an earlier clean could not complete
 * @param failures           what could not be done, one sentence each
 */
public record CleanResult(List<DeletedModel> deleted, List<SkippedModel> skipped, long leftoverBytesFreed,
                          List<String> failures) {

    public CleanResult {
        deleted = List.copyOf(deleted);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }

    public long bytesFreed() {
        return leftoverBytesFreed + deleted.stream().mapToLong(DeletedModel::bytesFreed).sum();
    }
}
