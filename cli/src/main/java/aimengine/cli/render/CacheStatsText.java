package aimengine.cli.render;

import aimengine.cache.CacheRoot;
import aimengine.cache.CacheStats;
import aimengine.cache.CachedModel;

/** `cache stats` as text, sizes in human units. */
public final class CacheStatsText {
    private CacheStatsText() {
    }

    public static String render(CacheRoot root, CacheStats stats) {
        StringBuilder sb = new StringBuilder();
        sb.append("Cache:         ").append(CacheRootText.describe(root)).append('\n');
        sb.append("Models:        ").append(stats.models());
        if (stats.incompleteModels() > 0) {
            sb.append(" (").append(stats.incompleteModels()).append(" incomplete)");
        }
        sb.append('\n');
        sb.append("Revisions:     ").append(stats.revisions()).append('\n');
        sb.append("Size on disk:  ").append(Units.bytes(stats.totalBytes())).append('\n');
        sb.append("Free disk:     ").append(stats.freeBytes() < 0 ? "unknown" : Units.bytes(stats.freeBytes()))
                .append('\n');
        if (!stats.largest().isEmpty()) {
            sb.append("Largest:\n");
            TextTable table = new TextTable("MODEL", "SIZE");
            for (CachedModel m : stats.largest()) {
                table.row(m.id(), Units.bytes(m.bytesOnDisk()));
            }
            sb.append(table.render("  "));
        }
        return sb.toString();
    }
}
