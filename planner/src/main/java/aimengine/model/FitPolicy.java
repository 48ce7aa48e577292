package aimengine.model;

/**
 * The fit thresholds, as rule data: rules/policy.drl inserts this fact, the memory arithmetic uses its constants
 * and the fit rules compare the estimates with its thresholds. A platform team changes the numbers there.
 *
 * @param minUsefulContext    a candidate that fits fewer tokens than this is rejected instead of shortened
 * @param contextStep         a shortened context is rounded down to a multiple of this (engines allocate KV blocks)
 * @param runtimeReserveGiB   per GPU: HIP/CUDA context, graphs, communication buffers
 * @param prefillChunkTokens  tokens of one prefill chunk whose activations must fit beside the weights
 * @param activationFactor    live intermediate tensors of hidden_size x 2 bytes per prefill token
 */
public record FitPolicy(int minUsefulContext, int contextStep, double runtimeReserveGiB, int prefillChunkTokens,
                        int activationFactor) {
}
