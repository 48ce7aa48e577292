package aimengine.data;

import aimengine.engine.Backend;
import aimengine.facts.Advisory;
import aimengine.facts.AllowedSource;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.RemoteCodeAllowed;
import aimengine.facts.TrustPolicy;
import aimengine.hardware.Hardware;
import aimengine.hardware.Precision;
import aimengine.model.CheckpointShape;
import aimengine.model.ConfigCode;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelFacts;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeType;
import aimengine.recipe.RecipeVariant;
import aimengine.rules.DrlSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact form of the data read from the data folders (hardware entries, recipes, model catalog entries, trust
 * policy, native architectures, DRL texts) as plain binary fields, written field by field in the order of each
 * record's components, in parts that are decoded only when asked for. Reading it back needs no YAML or JSON
 * machinery and no reflection, which is what makes it cheap at start-up (the built-in data is written in this form at
 * build time; folders given on the command line are kept in it in the cache, keyed by their content).
 *
 * <p>The form is private to one aim-engine build: its readers are keyed by the build (see {@link DataCache}) and the
 * built-in file is written by the same build that reads it, so a changed record only needs {@link #FORMAT} bumped
 * for clarity, never a migration. A record that gains a component breaks the compile here, on purpose.
 */
public final class DataCodec {
    /** Bump when the layout changes. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x41494d44; // "AIMD"

    private DataCodec() {
    }

    /**
     * The data of one or more folders, in their compact form.
     *
     * @param trust         the trust policy (rules/trust.yaml), null when the folders have none
     * @param architectures the engines' native architectures (rules/architectures.yaml), empty when not given
     * @param drl           the DRL texts (the build-time model is compiled from them; kept to locate a failing rule
     *                      and to tell whether --rules changes them), empty when not given
     */
    public record Contents(List<Hardware> hardware, List<Recipe> recipes, List<ModelCatalog.Entry> models,
                           TrustPolicy trust, List<NativeArchitectures> architectures, List<DrlSource> drl) {
        public Contents {
            hardware = List.copyOf(hardware);
            recipes = List.copyOf(recipes);
            models = List.copyOf(models);
            architectures = List.copyOf(architectures);
            drl = List.copyOf(drl);
        }

        static Contents ofHardware(List<Hardware> hardware) {
            return new Contents(hardware, List.of(), List.of(), null, List.of(), List.of());
        }

        static Contents ofRecipes(List<Recipe> recipes) {
            return new Contents(List.of(), recipes, List.of(), null, List.of(), List.of());
        }

        static Contents ofModels(List<ModelCatalog.Entry> models) {
            return new Contents(List.of(), List.of(), models, null, List.of(), List.of());
        }
    }

    /** The parts of the compact form, each decoded only when asked for (recipes list never decodes the models). */
    private enum Part { HARDWARE, RECIPES, MODELS, TRUST, ARCHITECTURES, DRL }

    public static byte[] encode(Contents contents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            for (Part part : Part.values()) {
                ByteArrayOutputStream section = new ByteArrayOutputStream();
                try (DataOutputStream o = new DataOutputStream(section)) {
                    switch (part) {
                        case HARDWARE -> writeList(o, contents.hardware(), DataCodec::writeHardware);
                        case RECIPES -> writeList(o, contents.recipes(), DataCodec::writeRecipe);
                        case MODELS -> writeList(o, contents.models(), DataCodec::writeModel);
                        case TRUST -> {
                            o.writeBoolean(contents.trust() != null);
                            if (contents.trust() != null) {
                                writeTrust(o, contents.trust());
                            }
                        }
                        case ARCHITECTURES -> writeList(o, contents.architectures(), DataCodec::writeArchitectures);
                        case DRL -> writeList(o, contents.drl(), (w, d) -> {
                            writeString(w, d.name());
                            writeText(w, d.text());
                        });
                    }
                }
                out.writeInt(section.size());
                section.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Every part at once. @throws IOException when the bytes are not this build's compact form */
    public static Contents decode(byte[] data) throws IOException {
        return sections(data).contents();
    }

    /**
     * The parts of the compact form, checked for their header and lengths but not yet decoded.
     *
     * @throws IOException when the bytes are not this build's compact form (damaged, truncated, another format)
     */
    public static Sections sections(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (data.length < 8 || in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not aim-engine compact data of format " + FORMAT);
        }
        int[] offsets = new int[Part.values().length];
        int[] lengths = new int[offsets.length];
        int at = 8;
        for (int p = 0; p < offsets.length; p++) {
            lengths[p] = count(in);
            offsets[p] = at + 4;
            at = offsets[p] + lengths[p];
            in.skipNBytes(lengths[p]);
        }
        if (at != data.length) {
            throw new IOException("damaged compact data: " + (data.length - at) + " bytes after its parts");
        }
        return new Sections(data, offsets, lengths);
    }

    /** The undecoded parts of one compact file; each accessor decodes its part anew. */
    public static final class Sections {
        private final byte[] data;
        private final int[] offsets;
        private final int[] lengths;

        private Sections(byte[] data, int[] offsets, int[] lengths) {
            this.data = data;
            this.offsets = offsets;
            this.lengths = lengths;
        }

        public List<Hardware> hardware() throws IOException {
            return part(Part.HARDWARE, in -> readList(in, DataCodec::readHardware));
        }

        public List<Recipe> recipes() throws IOException {
            return part(Part.RECIPES, in -> readList(in, DataCodec::readRecipe));
        }

        public List<ModelCatalog.Entry> models() throws IOException {
            return part(Part.MODELS, in -> readList(in, DataCodec::readModel));
        }

        /** The trust policy, or null when the data has none. */
        public TrustPolicy trust() throws IOException {
            return part(Part.TRUST, in -> in.readBoolean() ? readTrust(in) : null);
        }

        public List<NativeArchitectures> architectures() throws IOException {
            return part(Part.ARCHITECTURES, in -> readList(in, DataCodec::readArchitectures));
        }

        public List<DrlSource> drl() throws IOException {
            return part(Part.DRL, in -> readList(in, i -> new DrlSource(readString(i), readText(i))));
        }

        public Contents contents() throws IOException {
            return new Contents(hardware(), recipes(), models(), trust(), architectures(), drl());
        }

        private <T> T part(Part part, Reader<T> reader) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offsets[part.ordinal()],
                    lengths[part.ordinal()]));
            try {
                T value = reader.read(in);
                if (in.available() != 0) {
                    throw new IOException("damaged compact data: bytes left after its " + part + " part");
                }
                return value;
            } catch (IllegalArgumentException | NullPointerException e) {
                // a damaged entry that reads as a bad enum name or a missing required value
                throw new IOException("damaged compact data: " + e.getMessage(), e);
            }
        }
    }

    private static void writeHardware(DataOutputStream out, Hardware h) throws IOException {
        writeString(out, h.key());
        writeString(out, h.vendor());
        writeString(out, h.name());
        writeList(out, h.pciDeviceIds(), DataOutputStream::writeInt);
        writeString(out, h.llvmTarget());
        out.writeLong(h.vramMiB());
        out.writeInt(h.devicesPerPackage());
        writeList(out, h.precisions(), DataCodec::writeEnum);
        writeString(out, h.interconnect());
        writeMap(out, h.env(), DataCodec::writeEnum, DataCodec::writeStrings);
        writeString(out, h.source());
    }

    private static Hardware readHardware(DataInputStream in) throws IOException {
        return new Hardware(readString(in), readString(in), readString(in), readList(in, DataInputStream::readInt),
                readString(in), in.readLong(), in.readInt(), readList(in, i -> readEnum(i, Precision.class)),
                readString(in), readMap(in, i -> readEnum(i, Backend.class), DataCodec::readStrings), readString(in));
    }

    private static void writeRecipe(DataOutputStream out, Recipe r) throws IOException {
        writeString(out, r.id());
        writeString(out, r.checkpoint());
        writeString(out, r.modelId());
        writeString(out, r.hardware());
        writeEnum(out, r.precision());
        writeEnum(out, r.type());
        writeString(out, r.metric());
        out.writeBoolean(r.manualSelectionOnly());
        writeStrings(out, r.env());
        writeList(out, r.variants(), DataCodec::writeVariant);
        writeString(out, r.format());
        writeString(out, r.source());
    }

    private static Recipe readRecipe(DataInputStream in) throws IOException {
        return new Recipe(readString(in), readString(in), readString(in), readString(in),
                readEnum(in, Precision.class), readEnum(in, RecipeType.class), readString(in), in.readBoolean(),
                readStrings(in), readList(in, DataCodec::readVariant), readString(in), readString(in));
    }

    private static void writeVariant(DataOutputStream out, RecipeVariant v) throws IOException {
        writeEnum(out, v.backend());
        out.writeInt(v.gpuCount());
        out.writeBoolean(v.enabled());
        writeList(out, v.args(), DataCodec::writeArg);
        writeStrings(out, v.env());
        out.writeInt(v.line());
    }

    private static RecipeVariant readVariant(DataInputStream in) throws IOException {
        return new RecipeVariant(readEnum(in, Backend.class), in.readInt(), in.readBoolean(),
                readList(in, DataCodec::readArg), readStrings(in), in.readInt());
    }

    private static void writeArg(DataOutputStream out, EngineArg a) throws IOException {
        writeString(out, a.flag());
        writeString(out, a.value());
        out.writeBoolean(a.yamlBool());
        out.writeInt(a.line());
    }

    private static EngineArg readArg(DataInputStream in) throws IOException {
        return new EngineArg(readString(in), readString(in), in.readBoolean(), in.readInt());
    }

    private static void writeModel(DataOutputStream out, ModelCatalog.Entry e) throws IOException {
        ModelFacts m = e.facts();
        writeString(out, m.id());
        writeString(out, m.architecture());
        out.writeLong(m.totalParameters());
        out.writeLong(m.activeParameters());
        for (int n : new int[] {m.layers(), m.attentionHeads(), m.kvHeads(), m.headDim(), m.hiddenSize(), m.maxContext()}) {
            out.writeInt(n);
        }
        writeString(out, m.nativeDtype());
        writeString(out, m.quantization());
        out.writeInt(m.kvLoraRank());
        out.writeInt(m.qkRopeHeadDim());
        writeString(out, m.source());
        CheckpointShape s = m.shape();
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s.precision());
            for (int n : new int[] {s.intermediateSize(), s.moeIntermediateSize(), s.experts(), s.weightBlockN(),
                    s.weightBlockK()}) {
                out.writeInt(n);
            }
        }
        writeList(out, e.code().architectures(), DataCodec::writeString);
        writeList(out, e.code().autoMap(), DataCodec::writeString);
    }

    private static ModelCatalog.Entry readModel(DataInputStream in) throws IOException {
        ModelFacts facts = new ModelFacts(readString(in), readString(in), in.readLong(), in.readLong(), in.readInt(),
                in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), readString(in), readString(in),
                in.readInt(), in.readInt(), readString(in), in.readBoolean()
                        ? new CheckpointShape(readString(in), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                        in.readInt())
                        : null);
        return new ModelCatalog.Entry(facts, new ConfigCode(readList(in, DataCodec::readString),
                readList(in, DataCodec::readString)));
    }

    private static void writeTrust(DataOutputStream out, TrustPolicy t) throws IOException {
        writeString(out, t.file());
        writeList(out, t.sources(), (o, a) -> {
            writeString(o, a.kind());
            writeString(o, a.pattern());
            writeString(o, a.at());
        });
        writeString(out, t.sourcesAt());
        writeList(out, t.remoteCode(), (o, r) -> {
            writeString(o, r.pattern());
            writeString(o, r.at());
        });
        writeString(out, t.remoteCodeAt());
        out.writeBoolean(t.pickleAllowed());
        writeString(out, t.pickleAt());
        out.writeBoolean(t.requireRevision());
        writeString(out, t.requireRevisionAt());
        writeList(out, t.advisories(), (o, a) -> {
            for (String field : new String[] {a.id(), a.engine(), a.from(), a.before(), a.condition()}) {
                writeString(o, field);
            }
            o.writeBoolean(a.reject());
            writeString(o, a.summary());
            writeString(o, a.at());
        });
    }

    private static TrustPolicy readTrust(DataInputStream in) throws IOException {
        return new TrustPolicy(readString(in),
                readList(in, i -> new AllowedSource(readString(i), readString(i), readString(i))), readString(in),
                readList(in, i -> new RemoteCodeAllowed(readString(i), readString(i))), readString(in),
                in.readBoolean(), readString(in), in.readBoolean(), readString(in),
                readList(in, i -> new Advisory(readString(i), readString(i), readString(i), readString(i),
                        readString(i), i.readBoolean(), readString(i), readString(i))));
    }

    private static void writeArchitectures(DataOutputStream out, NativeArchitectures a) throws IOException {
        writeString(out, a.backend());
        writeList(out, List.copyOf(a.names()), DataCodec::writeString);
        writeString(out, a.at());
    }

    private static NativeArchitectures readArchitectures(DataInputStream in) throws IOException {
        return new NativeArchitectures(readString(in), Set.copyOf(readList(in, DataCodec::readString)), readString(in));
    }

    /** Writes one value; the codec's own functional form of DataOutputStream's writers. */
    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> void writeList(DataOutputStream out, List<T> list, Writer<T> writer) throws IOException {
        out.writeInt(list.size());
        for (T t : list) {
            writer.write(out, t);
        }
    }

    private static <T> List<T> readList(DataInputStream in, Reader<T> reader) throws IOException {
        int n = count(in);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(reader.read(in));
        }
        return list;
    }

    private static <K, V> void writeMap(DataOutputStream out, Map<K, V> map, Writer<K> keys, Writer<V> values)
            throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<K, V> e : map.entrySet()) {
            keys.write(out, e.getKey());
            values.write(out, e.getValue());
        }
    }

    private static <K, V> Map<K, V> readMap(DataInputStream in, Reader<K> keys, Reader<V> values) throws IOException {
        int n = count(in);
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(keys.read(in), values.read(in));
        }
        return map;
    }

    private static void writeStrings(DataOutputStream out, Map<String, String> map) throws IOException {
        writeMap(out, map, DataCodec::writeString, DataCodec::writeString);
    }

    private static Map<String, String> readStrings(DataInputStream in) throws IOException {
        return readMap(in, DataCodec::readString, DataCodec::readString);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("damaged compact data: a list of " + n + " entries");
        }
        return n;
    }

    /** Strings may be null (a general recipe has no model id); writeUTF's limit of 64 KiB is far above any field. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Text that may be longer than writeUTF's 64 KiB (a DRL file). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
    }

    private static void writeEnum(DataOutputStream out, Enum<?> e) throws IOException {
        writeString(out, e == null ? null : e.name());
    }

    private static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
