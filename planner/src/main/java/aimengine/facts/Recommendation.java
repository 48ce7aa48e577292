package aimengine.facts;

/**
 * A deployment the GPU vendor recommends for a model (AMD's AIM metadata, recommendedDeployments), carried in
 * aim-engine's own data (rules/recommendations/). The preference rules use it before the metric tie-break.
 *
 * @param model     model id the recommendation is for
 * @param product   hardware product key
 * @param gpuCount  recommended GPU count
 * @param precision recommended precision key (fp16 meaning either 16-bit format), null when the vendor names none
 * @param metric    latency or throughput
 * @param source    where it came from (file and the vendor's entry)
 */
public record Recommendation(String model, String product, int gpuCount, String precision, String metric,
                             String source) {

    /** Whether a candidate for the requested model on this product matches: model ids compare case-insensitively. */
    public boolean appliesTo(String requestedModel, String usableProduct, String requestedMetric, Candidate c) {
        return model.equalsIgnoreCase(requestedModel) && product.equals(usableProduct) && metric.equals(requestedMetric)
                && gpuCount == c.gpuCount() && (precision == null || precision.equals(c.precision())
                || sixteenBit(precision) && sixteenBit(c.precision()));
    }

    /** AMD writes "fp16" for its 16-bit profiles, which serve bf16 checkpoints too. */
    private static boolean sixteenBit(String p) {
        return "fp16".equals(p) || "bf16".equals(p);
    }
}
