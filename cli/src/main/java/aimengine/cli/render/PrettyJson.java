package aimengine.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Indented JSON text, ending with a newline, for --output json: the text of an ObjectMapper with INDENT_OUTPUT. A
 * tree is written with Jackson's streaming generator and its default pretty printer, so that the common case (a plan)
 * never starts an ObjectMapper, whose set-up is a sizeable part of a cold command; the mapper, made on first use,
 * writes only plain objects and the objects a tree holds ({@code putPOJO}).
 */
public final class PrettyJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PrettyJson() {
    }

    public static String of(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            if (value instanceof JsonNode node) {
                write(g, node);
            } else {
                Mapper.INSTANCE.writeValue(g, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
        return text + "\n";
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : n) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case POJO -> Mapper.INSTANCE.writeValue(g, ((POJONode) n).getPojo());
            case NULL, MISSING -> g.writeNull();
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                }
            }
            default -> g.writeString(n.asText());
        }
    }

    /** The mapper, made when a plain object is first written (a holder class: initialised on first use). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
