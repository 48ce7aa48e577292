package aimengine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.hardware.Precision;
import org.junit.jupiter.api.Test;

class PipelineMemoryMathTest {
    private static final ModelFacts LLAMA_405B = new ModelFacts("meta-llama/Llama-3.1-405B-Instruct", "llama",
            405_853_388_800L, 405_853_388_800L, 126, 128, 8, 128, 16384, 131072, "bfloat16", null, 0, 0, "test",
            CheckpointShape.plain("bf16"));
    private static final long H100_MIB = 81559;

    @Test
    void theLargestStageTakesTheRemainder() {
        assertEquals(63, PipelineMemoryMath.layersPerStage(126, 2));
        assertEquals(42, PipelineMemoryMath.layersPerStage(126, 3));
        assertEquals(3, PipelineMemoryMath.layersPerStage(5, 2));
        assertEquals(5, PipelineMemoryMath.layersPerStage(5, 1));
    }

    @Test
    void onePipelineStageIsTheOneNodeEstimate() {
        MemoryEstimate one = MemoryMath.estimate(MemoryMathTest.POLICY, LLAMA_405B, Precision.BF16, 8, H100_MIB, 0.9, 32768, 2);
        MemoryEstimate staged = PipelineMemoryMath.estimate(MemoryMathTest.POLICY, LLAMA_405B, Precision.BF16, 8, 1, H100_MIB, 0.9, 32768, 2);
        assertEquals(one, staged);
    }

    @Test
    void twoStagesHalveTheWeightsAndTheKvCachePerGpu() {
        MemoryEstimate one = PipelineMemoryMath.estimate(MemoryMathTest.POLICY, LLAMA_405B, Precision.BF16, 8, 1, H100_MIB, 0.9, 32768, 2);
        MemoryEstimate two = PipelineMemoryMath.estimate(MemoryMathTest.POLICY, LLAMA_405B, Precision.BF16, 8, 2, H100_MIB, 0.9, 32768, 2);
        assertEquals(one.weightsGiBPerGpu() / 2, two.weightsGiBPerGpu(), 1e-9);
        assertEquals(one.kvNeededGiBPerGpu() / 2, two.kvNeededGiBPerGpu(), 1e-9);
        assertEquals(one.reserveGiBPerGpu(), two.reserveGiBPerGpu(), 1e-9);
        assertEquals(16, two.gpus());
        assertEquals(756.0, two.totalWeightsGiB(), 0.05);
    }
}
