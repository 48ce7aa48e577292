package aimengine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real config.json files under src/test/resources/configs (copies of shared/models/configs). */
final class ConfigFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigFixtures() {
    }

    static JsonNode config(String file) {
        try (InputStream in = ConfigFixtures.class.getClassLoader().getResourceAsStream("configs/" + file)) {
            if (in == null) {
                throw new IllegalStateException("test resource configs/" + file + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts a parameter count lies within 1% of a published size given in billions. */
    static void assertWithinOnePercent(String what, double publishedBillions, long computed) {
        double billions = computed / 1e9;
        double error = Math.abs(billions - publishedBillions) / publishedBillions;
        if (error > 0.01) {
            throw new AssertionError(String.format("%s: computed %.3fB, published %.2fB (%.1f%% off, more than 1%%)",
                    what, billions, publishedBillions, error * 100));
        }
    }
}
