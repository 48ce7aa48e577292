package aimengine.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link Visibility} to the host's devices the way the runtimes do. AMD: only devices whose render node is
 * accessible (and only with /dev/kfd) are enumerated; ROCR_VISIBLE_DEVICES selects among those, then
 * HIP_VISIBLE_DEVICES (or CUDA_VISIBLE_DEVICES, which HIP also honours) selects among what ROCr left. NVIDIA: devices
 * with an accessible /dev/nvidiaN (and /dev/nvidiactl), then CUDA_VISIBLE_DEVICES. Entries are indices or UUIDs; as in
 * the runtimes, an entry that names no device ends the list.
 */
final class VisibilityFilter {

    /**
     * @param devices  the host devices this layer can use, in host numbering
     * @param source   the variables and device nodes that decided it
     * @param problems settings the engine will refuse or that name devices that do not exist
     */
    record Result(List<GpuDevice> devices, String source, List<String> problems) {
    }

    private VisibilityFilter() {
    }

    static Result apply(Visibility v, List<ProbedGpu> host) {
        List<String> problems = new ArrayList<>();
        List<String> source = new ArrayList<>();
        List<ProbedGpu> amd = host.stream().filter(g -> g.device().vendor().equals("amd")).toList();
        List<ProbedGpu> nvidia = host.stream().filter(g -> g.device().vendor().equals("nvidia")).toList();
        List<GpuDevice> visible = new ArrayList<>();
        if (!amd.isEmpty()) {
            visible.addAll(amd(v, amd, source, problems));
        }
        if (!nvidia.isEmpty()) {
            visible.addAll(nvidia(v, nvidia, source, problems));
        }
        v.variables().forEach((name, value) -> source.add(name + "=" + value));
        if (v.variables().isEmpty()) {
            source.add("no *_VISIBLE_DEVICES set");
        }
        return new Result(visible, String.join(", ", source), problems);
    }

    private static List<GpuDevice> amd(Visibility v, List<ProbedGpu> amd, List<String> source, List<String> problems) {
        List<GpuDevice> list = new ArrayList<>();
        if (!v.kfd()) {
            source.add("no /dev/kfd");
            problems.add("/dev/kfd is missing or not accessible, so no AMD GPU can be used here (give the container "
                    + "--device=/dev/kfd --device=/dev/dri, or add the user to the render and video groups)");
            return list;
        }
        source.add("/dev/kfd");
        source.add(v.renderMinors().size() + " /dev/dri/renderD* node" + (v.renderMinors().size() == 1 ? "" : "s"));
        for (ProbedGpu g : amd) {
            boolean node = g.deviceMinor() < 0 ? !v.renderMinors().isEmpty() : v.renderMinors().contains(g.deviceMinor());
            if (node) {
                list.add(g.device());
            }
        }
        String hip = v.variables().get(Visibility.HIP);
        String cuda = v.variables().get(Visibility.CUDA);
        if (hip != null && cuda != null && !hip.strip().equals(cuda.strip())) {
            problems.add(Visibility.HIP + "=" + hip + " and " + Visibility.CUDA + "=" + cuda
                    + " differ; vLLM refuses to start on ROCm with both set to different values; set only one");
        }
        if (v.variables().containsKey(Visibility.ROCR)) {
            list = select(list, Visibility.ROCR, v.variables().get(Visibility.ROCR), problems);
        }
        if (hip != null) {
            list = select(list, Visibility.HIP, hip, problems);
        } else if (cuda != null) {
            list = select(list, Visibility.CUDA, cuda, problems);
        }
        return list;
    }

    private static List<GpuDevice> nvidia(Visibility v, List<ProbedGpu> nvidia, List<String> source,
                                          List<String> problems) {
        List<GpuDevice> list = new ArrayList<>();
        if (!v.nvidiactl()) {
            source.add("no /dev/nvidiactl");
            problems.add("/dev/nvidiactl is missing or not accessible, so no NVIDIA GPU can be used here (run the "
                    + "container with --gpus or the NVIDIA container runtime)");
            return list;
        }
        source.add("/dev/nvidiactl");
        source.add(v.nvidiaMinors().size() + " /dev/nvidiaN node" + (v.nvidiaMinors().size() == 1 ? "" : "s"));
        for (ProbedGpu g : nvidia) {
            GpuDevice d = g.device();
            int minor = Objects.requireNonNullElse(v.nvidiaMinorByBus().get(d.busAddress()), d.index());
            if (v.nvidiaMinors().contains(minor)) {
                list.add(d);
            }
        }
        if (v.variables().containsKey(Visibility.CUDA)) {
            list = select(list, Visibility.CUDA, v.variables().get(Visibility.CUDA), problems);
        }
        return list;
    }

    /** The devices a visibility list names, positions counting within the devices still visible. */
    static List<GpuDevice> select(List<GpuDevice> devices, String name, String value, List<String> problems) {
        List<GpuDevice> chosen = new ArrayList<>();
        if (value.isBlank()) {
            return chosen;
        }
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            GpuDevice match = null;
            String why;
            if (entry.startsWith("-")) {
                // "-1" is the usual way to hide every device: the runtimes stop at it without complaint.
                break;
            } else if (entry.matches("\\d{1,6}")) {
                int i = Integer.parseInt(entry);
                match = i < devices.size() ? devices.get(i) : null;
                why = "there is no device " + i + " among the " + devices.size() + " visible";
            } else {
                List<GpuDevice> byUuid = devices.stream()
                        .filter(d -> d.uuid() != null && !entry.isEmpty() && d.uuid().startsWith(entry)).toList();
                match = byUuid.size() == 1 ? byUuid.get(0) : null;
                why = byUuid.isEmpty() ? "'" + entry + "' is neither an index nor the UUID of a visible device"
                        : "'" + entry + "' matches " + byUuid.size() + " devices";
            }
            if (match != null && chosen.contains(match)) {
                match = null;
                why = "'" + entry + "' names a device already listed";
            }
            if (match == null) {
                problems.add(name + "=" + value + ": " + why + "; it and the entries after it are ignored, as the "
                        + "runtime does");
                break;
            }
            chosen.add(match);
        }
        return chosen;
    }
}
