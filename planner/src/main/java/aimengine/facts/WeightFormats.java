package aimengine.facts;

/**
 * The weight files the model's snapshot (or local folder) holds. Pickle files (.bin, .pt, .pth) are Python pickles:
 * loading one can run arbitrary code, which safetensors cannot.
 *
 * @param model       the model as requested
 * @param safetensors number of .safetensors files
 * @param pickle      number of pickle weight files
 * @param example     one pickle file name, for messages; null when there is none
 */
public record WeightFormats(String model, int safetensors, int pickle, String example) {

    public boolean hasSafetensors() {
        return safetensors > 0;
    }

    public boolean pickleOnly() {
        return safetensors == 0 && pickle > 0;
    }
}
