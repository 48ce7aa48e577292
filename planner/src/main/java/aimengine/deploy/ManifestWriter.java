package aimengine.deploy;

import java.util.List;

/** Writes the objects of one deployment target for a serving unit, in the order they are best applied. */
public interface ManifestWriter {
    List<Manifest> write(ServingUnit unit);
}
