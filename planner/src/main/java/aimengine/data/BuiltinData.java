package aimengine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The built-in hardware catalog, recipes, model catalog, trust policy, native architectures and DRL texts in their
 * compact form, as {@link BuiltinDataWriter} wrote them into the jar at build time: read without the YAML machinery
 * and without opening the jar as a file system.
 */
final class BuiltinData {
    /** Where the build puts it: next to the built-in folders it was read from. */
    static final String RESOURCE = "aim/builtin.data";

    private BuiltinData() {
    }

    /**
     * The built-in data, or empty when this build has none (classes compiled without the build step, as an IDE
     * may): the built-in YAML folders are read then.
     *
     * @throws UncheckedIOException when the file is there but damaged: a broken build, not a user's mistake
     */
    static Optional<DataCodec.Sections> read() {
        try (InputStream in = BuiltinData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(DataCodec.sections(in.readAllBytes()));
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    /** One part of the built-in data, decoded. */
    static <T> T part(DataCodec.Sections sections, Part<T> part) {
        try {
            return part.decode(sections);
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    /** Decodes one part of the sections. */
    interface Part<T> {
        T decode(DataCodec.Sections sections) throws IOException;
    }

    private static UncheckedIOException damaged(IOException e) {
        return new UncheckedIOException("the built-in data " + RESOURCE + " of this build is damaged", e);
    }
}
