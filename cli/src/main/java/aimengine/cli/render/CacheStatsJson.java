package aimengine.cli.render;

import aimengine.cache.CacheRoot;
import aimengine.cache.CacheStats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** `cache stats --output json`: sizes in bytes; freeBytes is -1 when unknown. */
public final class CacheStatsJson {
    private CacheStatsJson() {
    }

    public static String render(CacheRoot root, CacheStats stats) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("root", root.path().toString());
        node.put("origin", root.origin());
        node.put("models", stats.models());
        node.put("incompleteModels", stats.incompleteModels());
        node.put("revisions", stats.revisions());
        node.put("totalBytes", stats.totalBytes());
        node.put("freeBytes", stats.freeBytes());
        ArrayNode largest = node.putArray("largest");
        stats.largest().forEach(m -> largest.addObject().put("id", m.id()).put("bytesOnDisk", m.bytesOnDisk()));
        return PrettyJson.of(node);
    }
}
