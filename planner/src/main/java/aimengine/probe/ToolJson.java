package aimengine.probe;

import aimengine.yaml.TextPosition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** JSON printed by the SMI tools, which may put text before it and write "N/A" for what they do not know. */
final class ToolJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolJson() {
    }

    /**
     * Parses the first JSON document in the output, skipping text lines before it (amd-smi prints a banner when the
     * user lacks render-group access).
     */
    static JsonNode parse(String tool, String output) throws ProbeException {
        int start = -1;
        int offset = 0;
        for (String line : output.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("{") || t.startsWith("[")) {
                start = offset;
                break;
            }
            offset += line.length() + 1;
        }
        if (start < 0) {
            String first = ToolResult.firstLine(output);
            throw ProbeException.failed(tool + " printed no JSON" + (first.isEmpty() ? "" : ": " + first));
        }
        try {
            return MAPPER.readTree(output.substring(start));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + (TextPosition.lineOf(output, start) + at.getLineNr() - 1);
            throw ProbeException.failed(tool + " printed invalid JSON" + where + ": " + e.getOriginalMessage()
                    .split("\n")[0]);
        }
    }


    /** The text of a value, or null when it is missing, empty or one of the tools' spellings of "unknown". */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String t = node.asText().strip();
        String lower = t.toLowerCase(Locale.ROOT);
        return t.isEmpty() || lower.equals("n/a") || lower.equals("[n/a]") || lower.equals("unknown") ? null : t;
    }

    /** "0x74a1" or 29857; 0 when unknown or not a number. */
    static int hexId(JsonNode node) {
        if (node != null && node.isIntegralNumber()) {
            return node.asInt();
        }
        String t = text(node);
        if (t == null) {
            return 0;
        }
        try {
            String lower = t.toLowerCase(Locale.ROOT);
            return lower.startsWith("0x") ? Integer.parseInt(lower.substring(2), 16) : Integer.parseInt(lower, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
