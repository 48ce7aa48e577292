package aimengine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.hardware.Precision;
import org.junit.jupiter.api.Test;

class MemoryMathTest {
    /** The thresholds policy.drl ships. */
    static final FitPolicy POLICY = new FitPolicy(2048, 1024, 2.0, 8192, 18);

    private static final ModelFacts QWEN3_32B = new ModelFacts("Qwen/Qwen3-32B", "qwen3", 32_762_123_264L,
            32_762_123_264L, 64, 64, 8, 128, 5120, 40960, "bfloat16", null, 0, 0, "test",
            CheckpointShape.plain("bf16"));
    private static final ModelFacts DEEPSEEK_V3 = new ModelFacts("deepseek-ai/DeepSeek-V3", "deepseek_v3",
            671_000_000_000L, 37_600_000_000L, 61, 128, 128, 128, 7168, 163840, "bfloat16", "fp8", 512, 64, "test",
            new CheckpointShape("fp8", 18432, 2048, 256, 128, 128));

    @Test
    void weightsSplitByTensorParallelSize() {
        // 32.76e9 parameters x 2 bytes = 61.0 GiB, as the plan contract shows.
        assertEquals(61.0, MemoryMath.weightsGiBPerGpu(QWEN3_32B.totalParameters(), Precision.BF16, 1), 0.05);
        assertEquals(30.5, MemoryMath.weightsGiBPerGpu(QWEN3_32B.totalParameters(), Precision.BF16, 2), 0.05);
        assertEquals(15.3, MemoryMath.weightsGiBPerGpu(QWEN3_32B.totalParameters(), Precision.FP8, 2), 0.05);
    }

    @Test
    void usableIsVramTimesUtilization() {
        assertEquals(172.8, MemoryMath.usableGiBPerGpu(196592, 0.9), 0.05);
    }

    @Test
    void gqaKvBytesPerTokenSplitAcrossGpusButNeverBelowOneHead() {
        // 2 x 64 layers x 8 heads x 128 x 2 bytes = 256 KiB per token on one GPU.
        assertEquals(262144, MemoryMath.kvBytesPerTokenPerGpu(QWEN3_32B, 1, 2), 0.1);
        assertEquals(32768, MemoryMath.kvBytesPerTokenPerGpu(QWEN3_32B, 8, 2), 0.1);
        // 16 GPUs for 8 KV heads: each GPU still holds a whole head.
        assertEquals(32768, MemoryMath.kvBytesPerTokenPerGpu(QWEN3_32B, 16, 2), 0.1);
        assertEquals(131072, MemoryMath.kvBytesPerTokenPerGpu(QWEN3_32B, 1, 1), 0.1);
    }

    @Test
    void mlaKeepsOneLatentPerLayerReplicated() {
        // 61 layers x (512 + 64) x 2 bytes, the same on every GPU.
        assertEquals(61 * 576 * 2, MemoryMath.kvBytesPerTokenPerGpu(DEEPSEEK_V3, 1, 2), 0.1);
        assertEquals(61 * 576 * 2, MemoryMath.kvBytesPerTokenPerGpu(DEEPSEEK_V3, 8, 2), 0.1);
    }

    @Test
    void estimateFindsTheLongestFittingContext() {
        MemoryEstimate e = MemoryMath.estimate(POLICY, QWEN3_32B, Precision.BF16, 1, 65520, 0.9, 40960, 2);
        // 57.6 GiB usable < 61.0 GiB of weights: nothing fits.
        assertTrue(e.kvCacheGiBPerGpu() <= 0);
        assertEquals(0, e.maxFittingContext());

        MemoryEstimate fits = MemoryMath.estimate(POLICY, QWEN3_32B, Precision.BF16, 1, 196592, 0.9, 40960, 2);
        assertTrue(fits.kvNeededGiBPerGpu() <= fits.kvCacheGiBPerGpu());
        assertEquals(40960, fits.maxFittingContext());

        MemoryEstimate tight = MemoryMath.estimate(POLICY, QWEN3_32B, Precision.BF16, 1, 81559, 0.9, 40960, 2);
        assertTrue(tight.kvCacheGiBPerGpu() > 0);
        assertTrue(tight.kvNeededGiBPerGpu() > tight.kvCacheGiBPerGpu());
        long expectedTokens = (long) (tight.kvCacheGiBPerGpu() * MemoryMath.GIB / 262144);
        assertEquals(expectedTokens / 1024 * 1024, tight.maxFittingContext());
    }

    @Test
    void reserveShrinksWithTensorParallelism() {
        assertTrue(MemoryMath.reserveGiBPerGpu(POLICY, 5120, 8) < MemoryMath.reserveGiBPerGpu(POLICY, 5120, 1));
        assertEquals(2.0 + 8192.0 * 5120 * 2 * 18 / MemoryMath.GIB, MemoryMath.reserveGiBPerGpu(POLICY, 5120, 1), 1e-9);
        // The constants are the policy's, not the code's: a site that reserves more gets a larger reserve.
        assertEquals(4.0 + 8192.0 * 5120 * 2 * 18 / MemoryMath.GIB,
                MemoryMath.reserveGiBPerGpu(new FitPolicy(2048, 1024, 4.0, 8192, 18), 5120, 1), 1e-9);
    }
}
