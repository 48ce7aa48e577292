package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VisibilityFilterTest {
    private static final Set<Integer> RENDER_128_TO_135 = IntStream.range(128, 136).boxed().collect(Collectors.toSet());

    /** Eight AMD GPUs with render nodes 128..135 and UUIDs GPU-000000000000000N. */
    private static List<ProbedGpu> amd() {
        List<ProbedGpu> list = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            list.add(new ProbedGpu(new GpuDevice(i, "amd", "mi300x", 0x74a1, String.format("0000:%02x:00.0", i + 1),
                    "gfx942", 196592, null, null, String.format("GPU-%016x", i)), 128 + i, 8));
        }
        return list;
    }

    private static List<ProbedGpu> nvidia(int n) {
        List<ProbedGpu> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(ProbedGpu.of(new GpuDevice(i, "nvidia", "h100", 0x2330, String.format("0000:%02x:00.0", 0x18 + i),
                    "sm_90", 81559, null, null, "GPU-b42dd28e-ffdd-8720-1df0-98bd8cdc05b" + i)));
        }
        return list;
    }

    private static Visibility amdNodes(Map<String, String> vars) {
        return new Visibility(vars, true, RENDER_128_TO_135, false, Set.of(), Map.of());
    }

    private static Visibility nvidiaNodes(Map<String, String> vars, Set<Integer> minors, Map<String, Integer> byBus) {
        return new Visibility(vars, false, Set.of(), true, minors, byBus);
    }

    private static List<Integer> visible(VisibilityFilter.Result r) {
        return ProbeFixtures.indices(r.devices());
    }

    @Test
    void nothingSetShowsEveryDeviceWithANode() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of()), amd());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), visible(r));
        assertEquals("/dev/kfd, 8 /dev/dri/renderD* nodes, no *_VISIBLE_DEVICES set", r.source());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void hipSelectsByIndexInItsOrder() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "6,2")), amd());
        assertEquals(List.of(6, 2), visible(r));
    }

    @Test
    void hipCountsWithinWhatRocrLeft() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("ROCR_VISIBLE_DEVICES", "4,5,6,7",
                "HIP_VISIBLE_DEVICES", "0,1")), amd());
        assertEquals(List.of(4, 5), visible(r));
    }

    @Test
    void cudaVariableAlsoSelectsOnAmdWhenHipIsUnset() {
        assertEquals(List.of(3), visible(VisibilityFilter.apply(amdNodes(Map.of("CUDA_VISIBLE_DEVICES", "3")), amd())));
    }

    @Test
    void hipAndCudaDifferentIsAnError() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "0,1",
                "CUDA_VISIBLE_DEVICES", "0")), amd());
        assertEquals(List.of(0, 1), visible(r));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("HIP_VISIBLE_DEVICES=0,1 and CUDA_VISIBLE_DEVICES=0 differ; vLLM refuses"),
                r.problems().get(0));
    }

    @Test
    void hipAndCudaEqualIsFine() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "0,1",
                "CUDA_VISIBLE_DEVICES", "0,1")), amd());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void emptyValueHidesEverything() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "")), amd());
        assertEquals(List.of(), visible(r));
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void minusOneHidesEverythingWithoutComplaint() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "-1")), amd());
        assertEquals(List.of(), visible(r));
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void anIndexThatDoesNotExistEndsTheList() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "1,9,2")), amd());
        assertEquals(List.of(1), visible(r));
        assertEquals(List.of("HIP_VISIBLE_DEVICES=1,9,2: there is no device 9 among the 8 visible; it and the entries "
                + "after it are ignored, as the runtime does"), r.problems());
    }

    @Test
    void uuidsSelectDevices() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("ROCR_VISIBLE_DEVICES",
                "GPU-0000000000000005,GPU-0000000000000001")), amd());
        assertEquals(List.of(5, 1), visible(r));
    }

    @Test
    void anAmbiguousUuidPrefixEndsTheList() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("ROCR_VISIBLE_DEVICES", "GPU-00")), amd());
        assertEquals(List.of(), visible(r));
        assertTrue(r.problems().get(0).contains("'GPU-00' matches 8 devices"), r.problems().get(0));
    }

    @Test
    void aDeviceListedTwiceEndsTheList() {
        VisibilityFilter.Result r = VisibilityFilter.apply(amdNodes(Map.of("HIP_VISIBLE_DEVICES", "0,0,1")), amd());
        assertEquals(List.of(0), visible(r));
        assertEquals(1, r.problems().size());
    }

    @Test
    void withoutKfdNoAmdGpuIsUsable() {
        VisibilityFilter.Result r = VisibilityFilter.apply(
                new Visibility(Map.of(), false, RENDER_128_TO_135, false, Set.of(), Map.of()), amd());
        assertEquals(List.of(), visible(r));
        assertTrue(r.problems().get(0).startsWith("/dev/kfd is missing or not accessible"), r.problems().get(0));
    }

    @Test
    void onlyDevicesWhoseRenderNodeWasPassedAreEnumeratedAndIndicesCountAmongThem() {
        // docker run --device=/dev/dri/renderD130 --device=/dev/dri/renderD131: HIP device 0 is host GPU 2.
        Visibility v = new Visibility(Map.of("HIP_VISIBLE_DEVICES", "0"), true, Set.of(130, 131), false, Set.of(), Map.of());
        assertEquals(List.of(2), visible(VisibilityFilter.apply(v, amd())));
        assertEquals(List.of(2, 3), visible(VisibilityFilter.apply(
                new Visibility(Map.of(), true, Set.of(130, 131), false, Set.of(), Map.of()), amd())));
    }

    @Test
    void nvidiaNeedsNvidiactlAndItsOwnNode() {
        assertEquals(List.of(0, 1), visible(VisibilityFilter.apply(nvidiaNodes(Map.of(), Set.of(0, 1), Map.of()), nvidia(2))));
        VisibilityFilter.Result none = VisibilityFilter.apply(
                new Visibility(Map.of(), false, Set.of(), false, Set.of(0, 1), Map.of()), nvidia(2));
        assertEquals(List.of(), visible(none));
        assertTrue(none.problems().get(0).startsWith("/dev/nvidiactl is missing"));
    }

    @Test
    void nvidiaMinorComesFromTheDriverNotTheIndex() {
        // Inside a container given host GPU 3 only, nvidia-smi calls it index 0 but its node is /dev/nvidia3.
        List<ProbedGpu> one = nvidia(1);
        Visibility v = nvidiaNodes(Map.of(), Set.of(3), Map.of("0000:18:00.0", 3));
        assertEquals(List.of(0), visible(VisibilityFilter.apply(v, one)));
        assertEquals(List.of(), visible(VisibilityFilter.apply(nvidiaNodes(Map.of(), Set.of(3), Map.of()), one)));
    }

    @Test
    void cudaSelectsNvidiaByUuidAndIgnoresHip() {
        VisibilityFilter.Result r = VisibilityFilter.apply(nvidiaNodes(Map.of("CUDA_VISIBLE_DEVICES",
                "GPU-b42dd28e-ffdd-8720-1df0-98bd8cdc05b2", "HIP_VISIBLE_DEVICES", "0"), Set.of(0, 1, 2), Map.of()),
                nvidia(3));
        assertEquals(List.of(2), visible(r));
        assertTrue(r.problems().isEmpty(), "HIP_VISIBLE_DEVICES does not matter to CUDA");
    }
}
