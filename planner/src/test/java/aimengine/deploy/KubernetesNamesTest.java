package aimengine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import aimengine.io.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"qwen3-32b", "a", "llama-3-1-8b-instruct"})
    void labelsAreNames(String name) {
        assertEquals(name, KubernetesNames.checkName("--name", name, 63));
    }

    @ParameterizedTest
    @ValueSource(strings = {"My_Model", "Qwen3", "3b", "-a", "a-", "a.b", ""})
    void otherTextIsNot(String name) {
        assertThrows(InputException.class, () -> KubernetesNames.checkName("--name", name, 63));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef"})
    void aNameLongerThanTheTargetAllowsIsRefused(String name) {
        assertThrows(InputException.class, () -> KubernetesNames.checkName("--name", name, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hf-token", "hub.token", "models-v2", "7b"})
    void objectNamesMayHaveDots(String name) {
        assertEquals(name, KubernetesNames.checkObjectName("--hf-token-secret", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HF_TOKEN", ".a", "a.", "a..b", "a_b"})
    void objectNamesAreStillNotAnyText(String name) {
        assertThrows(InputException.class, () -> KubernetesNames.checkObjectName("--hf-token-secret", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"200Gi", "500G", "1Ti", "1.5Ti", "100e9", "10"})
    void quantitiesParse(String q) {
        assertEquals(q, KubernetesNames.checkQuantity("--cache-size", q));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10GB", "10 Gi", "Gi", "-5Gi", "0Gi", "0", "ten"})
    void otherSizesDoNot(String q) {
        assertThrows(InputException.class, () -> KubernetesNames.checkQuantity("--cache-size", q));
    }

    @ParameterizedTest
    @CsvSource({"Qwen/Qwen3-32B,63,qwen3-32b", "meta-llama/Llama-3.1-8B-Instruct,63,llama-3-1-8b-instruct",
            "meta-llama/Llama-3.1-8B-Instruct,12,llama-3-1-8b", "/models/7b-chat/,63,m-7b-chat"})
    void namesDerivedFromModels(String model, int max, String name) {
        assertEquals(name, KubernetesNames.fromModel(model, max));
        KubernetesNames.checkName("--name", name, max);
    }

    @ParameterizedTest
    @CsvSource({"1073741824,1Gi", "1073741825,2Gi", "68719476736,64Gi"})
    void bytesAsWholeGib(long bytes, String quantity) {
        assertEquals(quantity, KubernetesNames.gibibytes(bytes));
    }
}
