package aimengine.probe;

/**
 * What the engine's Python sees.
 *
 * @param deviceCount torch.cuda.device_count() (HIP devices on ROCm builds)
 * @param torch       the torch build that answered ("torch 2.11.0+cu130, CUDA 13.0")
 */
public record EngineReading(int deviceCount, String torch) {
}
