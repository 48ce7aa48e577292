package aimengine.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what limits the GPUs a process can use inside this container: the visibility variables of the environment
 * and which device nodes under /dev exist and can be opened.
 */
public final class VisibilityProbe implements GpuProbe<Visibility> {
    private static final Pattern MINOR_LINE = Pattern.compile("(?m)^Device Minor:\\s*(\\d+)\\s*$");

    private final SysfsReader files;
    private final Map<String, String> env;
    private final Duration timeout;

    public VisibilityProbe(Path root, Map<String, String> env, Duration timeout) {
        this.files = new SysfsReader(root);
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "container view";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Visibility probe() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : List.of(Visibility.HIP, Visibility.ROCR, Visibility.CUDA)) {
            if (env.containsKey(name)) {
                variables.put(name, env.get(name));
            }
        }
        return new Visibility(variables, accessible(files.resolve("/dev/kfd")),
                minors(files.resolve("/dev/dri"), "renderD"), accessible(files.resolve("/dev/nvidiactl")),
                minors(files.resolve("/dev"), "nvidia"), nvidiaMinors());
    }

    private static boolean accessible(Path node) {
        return Files.exists(node) && Files.isReadable(node) && Files.isWritable(node);
    }

    private static Set<Integer> minors(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches(prefix + "\\d{1,6}"))
                    .filter(VisibilityProbe::accessible)
                    .map(p -> Integer.parseInt(p.getFileName().toString().substring(prefix.length())))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** The NVIDIA driver's minor per GPU: /dev/nvidiaN need not match nvidia-smi's index inside a container. */
    private Map<String, Integer> nvidiaMinors() {
        Path gpus = files.resolve("/proc/driver/nvidia/gpus");
        Map<String, Integer> result = new HashMap<>();
        if (!Files.isDirectory(gpus)) {
            return result;
        }
        try (Stream<Path> list = Files.list(gpus)) {
            for (Path dir : list.toList()) {
                String bus = BusAddress.normalize(dir.getFileName().toString());
                try {
                    Matcher m = MINOR_LINE.matcher(files.text(dir.resolve("information")));
                    if (bus != null && m.find()) {
                        result.put(bus, Integer.parseInt(m.group(1)));
                    }
                } catch (ProbeException unreadable) {
                    // without the minor the GPU's index stands in for it
                }
            }
        } catch (IOException e) {
            return result;
        }
        return result;
    }
}
