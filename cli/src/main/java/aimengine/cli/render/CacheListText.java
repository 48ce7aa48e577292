package aimengine.cli.render;

import aimengine.cache.CacheRoot;
import aimengine.cache.CachedModel;
import java.util.List;

/** `cache list` as text: one row per model, then why each incomplete one is incomplete. */
public final class CacheListText {
    private CacheListText() {
    }

    public static String render(CacheRoot root, List<CachedModel> models) {
        StringBuilder sb = new StringBuilder();
        if (models.isEmpty()) {
            return sb.append("No models in the cache at ").append(CacheRootText.describe(root)).append(".\n")
                    .toString();
        }
        long total = models.stream().mapToLong(CachedModel::bytesOnDisk).sum();
        sb.append("Cache ").append(CacheRootText.describe(root)).append(": ").append(models.size())
                .append(models.size() == 1 ? " model, " : " models, ").append(Units.bytes(total)).append("\n\n");
        TextTable table = new TextTable("MODEL", "REVISIONS", "FILES", "SIZE", "MODIFIED (UTC)", "ACCESSED (UTC)",
                "STATUS");
        for (CachedModel m : models) {
            table.row(m.id(), m.revisions().size(), m.files(), Units.bytes(m.bytesOnDisk()),
                    CacheRootText.minutes(m.lastModified()), CacheRootText.minutes(m.lastAccessed()),
                    m.complete() ? "complete" : "incomplete");
        }
        sb.append(table.render(""));
        List<CachedModel> incomplete = models.stream().filter(m -> !m.complete()).toList();
        if (!incomplete.isEmpty()) {
            sb.append("\nIncomplete:\n");
            for (CachedModel m : incomplete) {
                m.problems().forEach(p -> sb.append("  ").append(m.id()).append(": ").append(p).append('\n'));
            }
        }
        return sb.toString();
    }
}
