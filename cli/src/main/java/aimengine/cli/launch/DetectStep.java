package aimengine.cli.launch;

import aimengine.probe.HostView;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Takes the host view: the GPU probes, or a host profile when one is given. */
public final class DetectStep implements Step {
    private final Supplier<HostView> detect;

    public DetectStep(Supplier<HostView> detect) {
        this.detect = detect;
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public List<ResultKey<?>> needs() {
        return List.of();
    }

    @Override
    public ResultKey<?> gives() {
        return LaunchKeys.HOST;
    }

    @Override
    public String run(StepResults results) {
        HostView host = detect.get();
        results.put(LaunchKeys.HOST, host);
        String gpus = host.groups().isEmpty() ? "no GPUs"
                : host.groups().stream().map(g -> g.product() + " (host " + g.host()
                        + ", container " + g.container() + ", engine " + g.engine() + ")").collect(Collectors.joining(", "));
        return gpus + " (" + host.source() + ")";
    }
}
