package aimengine.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the engine's Python how many GPUs torch sees, with the same environment the engine will get. This costs
 * seconds (`import torch` took 5.4 s on an H200 host), so it runs only when asked for.
 */
public final class TorchEngineProbe implements GpuProbe<EngineReading> {
    static final String SCRIPT = String.join("\n",
            "import sys",
            "try:",
            "    import torch",
            "except Exception as e:",
            "    print('error', type(e).__name__ + ':', e)",
            "    sys.exit(3)",
            "print('torch', torch.__version__, 'cuda', torch.version.cuda, 'hip', torch.version.hip)",
            "print('device_count', torch.cuda.device_count())");

    private final ToolRunner runner;
    private final Duration timeout;

    public TorchEngineProbe(ToolRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "torch";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public EngineReading probe() throws ProbeException {
        ToolResult result = runner.run(timeout, "python3", "-c", SCRIPT);
        for (String line : result.stdout().split("\\R")) {
            if (line.startsWith("error ")) {
                throw ProbeException.failed("python3 cannot import torch: " + line.substring(6).strip());
            }
        }
        return parse(result.requireSuccess());
    }

    /** Reads the lines the script prints: "torch 2.11.0+cu130 cuda 13.0 hip None" and "device_count 1". */
    static EngineReading parse(String out) throws ProbeException {
        Integer count = null;
        String torch = "torch";
        for (String line : out.split("\\R")) {
            String[] w = line.strip().split("\\s+");
            if (w.length == 2 && w[0].equals("device_count") && w[1].matches("\\d{1,6}")) {
                count = Integer.parseInt(w[1]);
            } else if (w.length == 6 && w[0].equals("torch")) {
                List<String> parts = new ArrayList<>(List.of("torch " + w[1]));
                if (!w[3].equals("None")) {
                    parts.add("CUDA " + w[3]);
                }
                if (!w[5].equals("None")) {
                    parts.add("HIP " + w[5]);
                }
                torch = String.join(", ", parts);
            }
        }
        if (count == null) {
            String first = ToolResult.firstLine(out);
            throw ProbeException.failed("python3 printed no device count" + (first.isEmpty() ? "" : ": " + first));
        }
        return new EngineReading(count, torch);
    }
}
