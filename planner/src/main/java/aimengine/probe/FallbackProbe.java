package aimengine.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks a second source only when the first is missing, fails or finds nothing: rocm-smi after amd-smi. */
public final class FallbackProbe implements GpuProbe<HostReading> {
    private final GpuProbe<HostReading> first;
    private final GpuProbe<HostReading> second;

    public FallbackProbe(GpuProbe<HostReading> first, GpuProbe<HostReading> second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public String name() {
        return first.name() + " or " + second.name();
    }

    @Override
    public Duration timeout() {
        return first.timeout().plus(second.timeout());
    }

    @Override
    public HostReading probe() throws ProbeException {
        ProbeException firstFailure;
        try {
            HostReading reading = first.probe();
            if (!reading.gpus().isEmpty()) {
                return reading;
            }
            firstFailure = ProbeException.absent(first.name() + " found no GPU");
        } catch (ProbeException e) {
            firstFailure = e;
        }
        try {
            HostReading reading = second.probe();
            List<String> problems = new ArrayList<>(reading.problems());
            if (!firstFailure.absent()) {
                problems.add(0, firstFailure.getMessage());
            }
            return new HostReading(reading.source(), reading.gpus(), problems);
        } catch (ProbeException e) {
            String both = firstFailure.getMessage() + "; " + e.getMessage();
            throw firstFailure.absent() && e.absent() ? ProbeException.absent(both) : ProbeException.failed(both);
        }
    }
}
