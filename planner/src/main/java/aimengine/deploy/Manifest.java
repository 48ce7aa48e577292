package aimengine.deploy;

/**
 * One object to write: a fabric8 Kubernetes object, or a map shaped by its schema (KServe's custom resources, a
 * Compose file).
 *
 * @param fileName its file in an --output folder
 * @param body     the object, serialised as YAML
 */
public record Manifest(String fileName, Object body) {
}
