package aimengine.cli.render;

import aimengine.cache.CachedModel;
import aimengine.cache.CleanPlan;
import aimengine.cache.CleanResult;
import aimengine.cache.DeletedModel;
import aimengine.cache.SkippedModel;
import java.util.List;

/** `cache clean` as text: what it would delete (without --yes) or what it deleted, and what it left and why. */
public final class CacheCleanText {
    private CacheCleanText() {
    }

    /** @param asked what the user asked for, in words ("models unused for longer than 30d") */
    public static String plan(CleanPlan plan, String asked) {
        StringBuilder sb = new StringBuilder();
        if (plan.delete().isEmpty()) {
            sb.append("Nothing to delete in ").append(plan.root()).append(" (asked: ").append(asked).append(").\n");
        } else {
            sb.append("Would delete ").append(count(plan.delete().size())).append(" from ").append(plan.root())
                    .append(", freeing ").append(freed(plan.bytesToFree())).append(":\n");
            TextTable table = new TextTable("MODEL", "SIZE", "LAST USED (UTC)");
            for (CachedModel m : plan.delete()) {
                table.row(m.id(), Units.bytes(m.bytesOnDisk()), CacheRootText.minutes(m.lastUsed()));
            }
            sb.append(table.render("  "));
        }
        skipped(sb, plan.skipped());
        if (!plan.delete().isEmpty()) {
            sb.append("Nothing deleted yet: run again with --yes to delete.\n");
        }
        return sb.toString();
    }

    public static String result(CleanPlan plan, CleanResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append("Deleted ").append(count(result.deleted().size())).append(" from ").append(plan.root())
                .append(", freed ").append(freed(result.bytesFreed()));
        if (result.deleted().isEmpty()) {
            sb.append(".\n");
        } else {
            sb.append(":\n");
            TextTable table = new TextTable("MODEL", "FREED");
            for (DeletedModel m : result.deleted()) {
                table.row(m.id(), Units.bytes(m.bytesFreed()));
            }
            sb.append(table.render("  "));
        }
        if (result.leftoverBytesFreed() > 0) {
            sb.append("(").append(freed(result.leftoverBytesFreed()))
                    .append(" of that from deletions an earlier clean left unfinished)\n");
        }
        skipped(sb, result.skipped());
        return sb.toString();
    }

    private static void skipped(StringBuilder sb, List<SkippedModel> skipped) {
        if (!skipped.isEmpty()) {
            sb.append("Skipped:\n");
            skipped.forEach(s -> sb.append("  ").append(s.id()).append(": ").append(s.reason()).append('\n'));
        }
    }

    private static String count(int models) {
        return models + (models == 1 ? " model" : " models");
    }

    private static String freed(long bytes) {
        return Units.bytes(bytes) + " (" + bytes + " bytes)";
    }
}
