package aimengine.probe;

import java.util.Map;
import java.util.Set;

/**
 * What decides which host GPUs a process here can use: the visibility variables and the device nodes.
 *
 * @param variables        HIP_VISIBLE_DEVICES, ROCR_VISIBLE_DEVICES and CUDA_VISIBLE_DEVICES as set (absent when
 *                         unset; an empty value hides every device)
 * @param kfd              /dev/kfd exists and can be opened for reading and writing
 * @param renderMinors     minors of the accessible /dev/dri/renderD* nodes
 * @param nvidiactl        /dev/nvidiactl exists and is accessible
 * @param nvidiaMinors     minors of the accessible /dev/nvidiaN nodes
 * @param nvidiaMinorByBus the driver's minor number per bus address (/proc/driver/nvidia/gpus/BUS/information)
 */
public record Visibility(Map<String, String> variables, boolean kfd, Set<Integer> renderMinors, boolean nvidiactl,
                         Set<Integer> nvidiaMinors, Map<String, Integer> nvidiaMinorByBus) {

    public static final String HIP = "HIP_VISIBLE_DEVICES";
    public static final String ROCR = "ROCR_VISIBLE_DEVICES";
    public static final String CUDA = "CUDA_VISIBLE_DEVICES";

    public Visibility {
        variables = Map.copyOf(variables);
        renderMinors = Set.copyOf(renderMinors);
        nvidiaMinors = Set.copyOf(nvidiaMinors);
        nvidiaMinorByBus = Map.copyOf(nvidiaMinorByBus);
    }
}
