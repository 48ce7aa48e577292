package aimengine.hardware;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Weight precisions a recipe can serve in, with the storage cost of one parameter. */
public enum Precision {
    BF16(2.0), FP16(2.0), FP8(1.0), MXFP4(4.25 / 8), INT8(1.0), INT4(0.5);

    /** MXFP4 stores 4-bit values plus one 8-bit shared scale per 32 values: 4.25 bits per parameter. */
    private final double bytesPerParameter;

    Precision(double bytesPerParameter) {
        this.bytesPerParameter = bytesPerParameter;
    }

    public double bytesPerParameter() {
        return bytesPerParameter;
    }

    public String key() {
        return name().toLowerCase();
    }

    /** Parses "bf16", "BF16" and AIM's "fp16"; null when unknown. */
    public static Precision parse(String text) {
        if (text == null) {
            return null;
        }
        for (Precision p : values()) {
            if (p.key().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        return null;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Precision::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key();
    }
}
