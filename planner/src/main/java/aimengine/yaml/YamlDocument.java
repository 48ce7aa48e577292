package aimengine.yaml;

import aimengine.io.InputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Parses one YAML document into located {@link YamlNode}s. Everything that can go wrong with the bytes
 * (not UTF-8, binary, syntax, duplicate keys, several documents, empty) becomes an {@link InputException}
 * naming the file and the line.
 */
public final class YamlDocument {
    /** Larger files are not recipes; refusing them early keeps a mistaken path from eating memory. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private YamlDocument() {
    }

    public static YamlNode read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(name, 0, "file is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB; this is not a YAML recipe or profile");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no such file; check the path");
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, "permission denied; check the file's permissions");
        } catch (IOException e) {
            // The exception's class name would read like a crash; its message alone says what happened.
            throw new InputException(name, 0, "cannot read file (" + e.getMessage() + "); check the path and its permissions");
        }
        return parse(name, decode(name, bytes));
    }

    private static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InputException(name, TextPosition.lineOf(bytes, in.position()),
                    "not UTF-8 text (binary file?); expected a YAML text file");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InputException(name, TextPosition.lineOf(text, nul), "binary content (NUL byte); expected a YAML text file");
        }
        return text;
    }

    public static YamlNode parse(String name, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(40);
        Yaml yaml = new Yaml(options);
        Node root;
        try {
            int documents = 0;
            root = null;
            for (Node node : yaml.composeAll(new StringReader(text))) {
                documents++;
                if (documents > 1) {
                    throw new InputException(name, node.getStartMark().getLine() + 1,
                            "more than one YAML document (---); put one recipe or profile per file");
                }
                root = node;
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputException(name, line, "YAML syntax: " + oneLine(problem)
                    + (e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : ""));
        } catch (ReaderException e) {
            throw new InputException(name, TextPosition.lineOf(text, Math.min(e.getPosition(), text.length())),
                    "control character " + String.format("U+%04X", e.getCodePoint())
                            + " is not allowed in YAML (binary file?); expected a YAML text file");
        } catch (YAMLException e) {
            throw new InputException(name, 0, "YAML syntax: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            // An empty file still has a first line; naming it keeps every problem located.
            throw new InputException(name, 1, "empty file (nothing but blanks or comments); expected a YAML map");
        }
        return YamlNode.of(root, name);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
