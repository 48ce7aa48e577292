package aimengine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.engine.Backend;
import aimengine.hardware.Hardware;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuVendorTest {
    private static Hardware hardware(String vendor, String name, List<Integer> ids) {
        return new Hardware("x", vendor, name, ids, "t", 1024, 1, List.of(), "pcie", Map.of(), "test");
    }

    @Test
    void amdProductsAreSelectedByEveryPciDeviceIdAsTheLabellerPrintsThem() {
        Hardware mi300x = hardware("amd", "AMD Instinct MI300X", List.of(0x74a1, 0x74b5));
        assertEquals(GpuVendor.AMD, GpuVendor.of(mi300x));
        assertEquals("amd.com/gpu.device-id", GpuVendor.AMD.nodeLabel());
        assertEquals(List.of("74a1", "74b5"), GpuVendor.AMD.nodeLabelValues(mi300x));
        assertEquals(List.of("0f00"), GpuVendor.AMD.nodeLabelValues(hardware("amd", "n", List.of(0xf00))));
    }

    @Test
    void nvidiaProductsAreSelectedByTheProductNameFeatureDiscoveryPublishes() {
        Hardware h100 = hardware("nvidia", "NVIDIA H100 80GB HBM3", List.of(0x2330));
        assertEquals(GpuVendor.NVIDIA, GpuVendor.of(h100));
        assertEquals("nvidia.com/gpu.product", GpuVendor.NVIDIA.nodeLabel());
        assertEquals(List.of("NVIDIA-H100-80GB-HBM3"), GpuVendor.NVIDIA.nodeLabelValues(h100));
    }

    @Test
    void theCatalogsQualifierInParenthesesIsNoPartOfTheNodeLabel() {
        Hardware sxm = hardware("nvidia", "NVIDIA H100 80GB HBM3 (SXM)", List.of(0x2330));
        assertEquals(List.of("NVIDIA-H100-80GB-HBM3"), GpuVendor.NVIDIA.nodeLabelValues(sxm));
    }

    @Test
    void theDefaultImagesAreTheTagsTheContainerBuildGives() {
        assertEquals("aim-engine:latest", GpuVendor.AMD.defaultImage(Backend.VLLM));
        assertEquals("aim-engine:latest-cuda", GpuVendor.NVIDIA.defaultImage(Backend.VLLM));
        assertEquals("aim-engine:sglang", GpuVendor.AMD.defaultImage(Backend.SGLANG));
        assertEquals("aim-engine:sglang-cuda", GpuVendor.NVIDIA.defaultImage(Backend.SGLANG));
    }

    @Test
    void onlyAmdNeedsDeviceNodesAndTheVideoGroupOutsideKubernetes() {
        assertEquals(List.of("/dev/kfd", "/dev/dri"), GpuVendor.AMD.devices());
        assertEquals(List.of(44L), GpuVendor.AMD.defaultGroups());
        assertEquals(List.of(), GpuVendor.NVIDIA.devices());
        assertEquals(List.of(), GpuVendor.NVIDIA.defaultGroups());
    }
}
