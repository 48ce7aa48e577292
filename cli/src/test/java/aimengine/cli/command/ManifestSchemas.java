package aimengine.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates generated manifests against the real schemas: Kubernetes' built-in kinds through the fabric8 model (every
 * field must bind to a property: nothing may land in an object's additionalProperties), KServe's resources against the
 * openAPIV3Schema of their CRDs and Compose files against the Compose specification's JSON schema (both copied into
 * src/test/resources/schemas, see SOURCES.md there), with unknown fields refused.
 */
final class ManifestSchemas {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class);

    private final Schema servingRuntime = crd("kserve/serving.kserve.io_servingruntimes.yaml", "v1alpha1");
    private final Schema inferenceService = crd("kserve/serving.kserve.io_inferenceservices.yaml", "v1beta1");
    private final Schema compose = compose();

    /** Every document of a YAML stream (comments and "---" separators as kubectl reads them). */
    static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(d -> docs.add((JsonNode) d));
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with one document, one line per problem; empty when it is valid. */
    List<String> problems(JsonNode doc) {
        if (doc.has("services")) {
            return messages(compose.validate(doc));
        }
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        if (BUILT_IN.containsKey(type)) {
            return unbound(doc, BUILT_IN.get(type));
        }
        List<String> problems = new ArrayList<>(unbound(doc.path("metadata"), ObjectMeta.class));
        switch (type) {
            case "serving.kserve.io/v1alpha1/ServingRuntime" -> problems.addAll(messages(servingRuntime.validate(doc)));
            case "serving.kserve.io/v1beta1/InferenceService" -> problems.addAll(messages(inferenceService.validate(doc)));
            default -> problems.add("no schema for " + type);
        }
        return problems;
    }

    private static List<String> messages(List<com.networknt.schema.Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Binds the document to its fabric8 class and lists every field that bound to no property. */
    private static List<String> unbound(JsonNode doc, Class<?> type) {
        List<String> problems = new ArrayList<>();
        try {
            walk(YAML.treeToValue(doc, type), "", problems);
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static void walk(Object o, String path, List<String> problems) {
        if (o instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems));
        } else if (o != null && o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method m : o.getClass().getMethods()) {
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                        || m.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object value = invoke(m, o);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown fields " + extra.keySet());
                    }
                } else {
                    String property = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    walk(value, path + "." + property, problems);
                }
            }
        }
    }

    private static Object invoke(Method m, Object o) {
        try {
            return m.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(m + ": " + e, e);
        }
    }

    private static Schema crd(String resource, String version) {
        JsonNode crd = read(resource);
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                refuseUnknownFields(schema);
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
            }
        }
        throw new IllegalStateException(resource + " has no version " + version);
    }

    /**
     * Structural schemas let the API server prune unknown fields silently; a typo would pass a type check, so every
     * object schema that lists its properties (and does not keep unknown fields) refuses others here.
     */
    private static void refuseUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode o && o.has("properties") && !o.has("additionalProperties")
                && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            o.put("additionalProperties", false);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            refuseUnknownFields(it.next());
        }
    }

    /** The Compose schema names its dialect by an https address; it is draft-07, set here so nothing is fetched. */
    private static Schema compose() {
        ObjectNode schema = (ObjectNode) read("compose-spec/compose-spec.json");
        schema.remove("$schema");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(com.networknt.schema.SchemaLocation.of("classpath:schemas/compose-spec/compose-spec.json"),
                        schema);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ManifestSchemas.class.getResourceAsStream("/schemas/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource schemas/" + resource);
            }
            return resource.endsWith(".json") ? new ObjectMapper().readTree(in) : YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
