package aimengine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.io.InputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
    @Test
    void daysHoursAndMinutes() {
        assertEquals(Duration.ofDays(30), DurationText.parse("--older-than", "30d"));
        assertEquals(Duration.ofHours(12), DurationText.parse("--older-than", "12h"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("--older-than", " 90m "));
        assertEquals(Duration.ZERO, DurationText.parse("--older-than", "0d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "d", "1.5d", "-1d", "30x", "30 d", "30D", "1234567890d"})
    void anythingElseIsBadInputNamingTheFlag(String text) {
        InputException e = assertThrows(InputException.class, () -> DurationText.parse("--older-than", text));
        assertTrue(e.getMessage().startsWith("--older-than: '" + text + "' is not a duration"), e.getMessage());
    }
}
