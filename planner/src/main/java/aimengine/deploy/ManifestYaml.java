package aimengine.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Manifests as YAML: one document per object, the notes as comments above the first. */
public final class ManifestYaml {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ManifestYaml() {
    }

    /** One multi-document stream (for stdout). */
    public static String render(List<Manifest> manifests, List<String> notes) {
        return comments(notes) + manifests.stream().map(m -> yaml(m.body())).collect(Collectors.joining("---\n"));
    }

    /** One object's document (for a file), with the notes above it. */
    public static String document(Manifest manifest, List<String> notes) {
        return comments(notes) + yaml(manifest.body());
    }

    static Map<String, Object> toMap(Object fabric8Object) {
        return YAML.convertValue(fabric8Object, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
        });
    }

    private static String yaml(Object body) {
        try {
            return YAML.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String comments(List<String> notes) {
        return notes.stream().map(n -> "# " + n + "\n").collect(Collectors.joining());
    }
}
