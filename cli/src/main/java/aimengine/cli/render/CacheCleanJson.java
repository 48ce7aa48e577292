package aimengine.cli.render;

import aimengine.cache.CachedModel;
import aimengine.cache.CleanPlan;
import aimengine.cache.CleanResult;
import aimengine.cache.SkippedModel;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** `cache clean --output json`: the plan (dryRun true) or what was done (dryRun false); sizes in bytes. */
public final class CacheCleanJson {
    private CacheCleanJson() {
    }

    public static String plan(CleanPlan plan) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("root", plan.root().toString());
        node.put("dryRun", true);
        node.put("bytesToFree", plan.bytesToFree());
        ArrayNode delete = node.putArray("delete");
        for (CachedModel m : plan.delete()) {
            delete.addObject().put("id", m.id()).put("bytesOnDisk", m.bytesOnDisk())
                    .put("lastUsed", CacheRootText.iso(m.lastUsed()));
        }
        skipped(node, plan.skipped());
        return PrettyJson.of(node);
    }

    public static String result(CleanPlan plan, CleanResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("root", plan.root().toString());
        node.put("dryRun", false);
        node.put("bytesFreed", result.bytesFreed());
        node.put("leftoverBytesFreed", result.leftoverBytesFreed());
        ArrayNode deleted = node.putArray("deleted");
        result.deleted().forEach(d -> deleted.addObject().put("id", d.id()).put("bytesFreed", d.bytesFreed()));
        skipped(node, result.skipped());
        result.failures().forEach(node.putArray("failures")::add);
        return PrettyJson.of(node);
    }

    private static void skipped(ObjectNode node, List<SkippedModel> skipped) {
        ArrayNode list = node.putArray("skipped");
        skipped.forEach(s -> list.addObject().put("id", s.id()).put("reason", s.reason()));
    }
}
