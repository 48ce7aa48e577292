package aimengine.cli.render;

import aimengine.cache.CacheRoot;
import aimengine.cache.CachedModel;
import aimengine.cache.CachedRevision;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** `cache list --output json`: every model with its revisions; sizes in bytes. */
public final class CacheListJson {
    private CacheListJson() {
    }

    public static String render(CacheRoot root, List<CachedModel> models) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("root", root.path().toString());
        node.put("origin", root.origin());
        ArrayNode list = node.putArray("models");
        models.forEach(m -> model(list.addObject(), m));
        return PrettyJson.of(node);
    }

    private static void model(ObjectNode n, CachedModel m) {
        n.put("id", m.id());
        n.put("bytesOnDisk", m.bytesOnDisk());
        n.put("files", m.files());
        n.put("lastModified", CacheRootText.iso(m.lastModified()));
        n.put("lastAccessed", CacheRootText.iso(m.lastAccessed()));
        n.put("complete", m.complete());
        m.problems().forEach(n.putArray("problems")::add);
        ArrayNode revisions = n.putArray("revisions");
        for (CachedRevision r : m.revisions()) {
            ObjectNode rn = revisions.addObject();
            rn.put("commit", r.commit());
            r.refs().forEach(rn.putArray("refs")::add);
            rn.put("files", r.files());
            rn.put("weightFiles", r.weightFiles());
            rn.put("bytes", r.bytes());
            rn.put("lastModified", CacheRootText.iso(r.lastModified()));
            rn.put("complete", r.complete());
            r.problems().forEach(rn.putArray("problems")::add);
        }
    }
}
