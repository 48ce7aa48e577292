package aimengine.model;

import aimengine.io.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import aimengine.io.Lazy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Counts a checkpoint's parameters exactly when its weights are on disk: each safetensors shard starts with an 8-byte
 * little-endian header length and a JSON header {name: {dtype, shape, data_offsets}}. Only the headers are read.
 * Without shards, model.safetensors.index.json's metadata.total_size (bytes) divided by the dtype size is used
 * (it can be 0 in copies, then nothing is known).
 */
public final class SafetensorsInspector {
    /** A header larger than this is not a safetensors header; refuse it rather than allocate it. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final Map<String, Double> DTYPE_BYTES = Map.of("BF16", 2.0, "F16", 2.0, "bfloat16", 2.0,
            "float16", 2.0, "F32", 4.0, "float32", 4.0);
    private final Lazy<ObjectMapper> json = Lazy.of(() -> new ObjectMapper());

    /** Parameters in the folder's safetensors shards, or empty when there are none or they cannot be read. */
    public OptionalLong parameters(Path folder, String torchDtype) {
        List<Path> shards;
        try (Stream<Path> files = Files.list(folder)) {
            shards = files.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        if (!shards.isEmpty()) {
            long total = 0;
            for (Path shard : shards) {
                OptionalLong count = countShard(shard);
                if (count.isEmpty()) {
                    return OptionalLong.empty();
                }
                total += count.getAsLong();
            }
            return OptionalLong.of(total);
        }
        return fromIndex(folder.resolve("model.safetensors.index.json"), torchDtype);
    }

    OptionalLong countShard(Path shard) {
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.READ)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(len) != 8) {
                return OptionalLong.empty();
            }
            long headerLength = len.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > ch.size() - 8) {
                return OptionalLong.empty();
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            while (header.hasRemaining() && ch.read(header) > 0) {
                // read the whole header
            }
            JsonNode tensors = json.get().readTree(header.array());
            long count = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = tensors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                if (t.getKey().equals("__metadata__")) {
                    continue;
                }
                count = Math.addExact(count, elements(shard, t.getKey(), t.getValue().path("shape")));
            }
            return OptionalLong.of(count);
        } catch (ArithmeticException e) {
            throw new InputException(shard.toString(), 0, "the tensors' element counts add up to more than a"
                    + " checkpoint can hold; the header is damaged");
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A tensor's element count; a shape no tensor can have is refused, naming the file and the tensor. */
    private static long elements(Path shard, String tensor, JsonNode shape) {
        long elements = 1;
        for (JsonNode dim : shape) {
            if (!dim.canConvertToLong() || dim.asLong() < 0) {
                throw new InputException(shard.toString(), 0, "tensor '" + tensor + "' field shape " + shape
                        + ": dimensions must be whole numbers of zero or more");
            }
            try {
                elements = Math.multiplyExact(elements, dim.asLong());
            } catch (ArithmeticException e) {
                throw new InputException(shard.toString(), 0, "tensor '" + tensor + "' field shape " + shape
                        + ": its element count overflows; no tensor is that large");
            }
        }
        return elements;
    }

    private OptionalLong fromIndex(Path index, String torchDtype) {
        if (!Files.isRegularFile(index)) {
            return OptionalLong.empty();
        }
        try {
            long bytes = json.get().readTree(index.toFile()).path("metadata").path("total_size").asLong(0);
            Double perParameter = DTYPE_BYTES.get(torchDtype);
            return bytes > 0 && perParameter != null ? OptionalLong.of((long) (bytes / perParameter)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
