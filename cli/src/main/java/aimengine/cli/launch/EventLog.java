package aimengine.cli.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What aim-engine reports while it launches and supervises: in text, readable lines (and a live status line on a
 * terminal); with --log-format json, one JSON object per event (time, level, step, message, fields), the engine's
 * own output included, so that a log collector can read the console alone.
 */
public final class EventLog {
    public enum Format { text, json }

    public enum Level {
        DEBUG, INFO, WARN, ERROR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** LOG_LEVEL's value: debug, info, warn (or warning), error; null when it is none of them. */
        public static Level parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            return t.equals("WARNING") ? WARN : switch (t) {
                case "DEBUG", "INFO", "WARN", "ERROR" -> valueOf(t);
                default -> null;
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Console console;
    private final Format format;
    private final Level threshold;
    private final Clock clock;

    public EventLog(Console console, Format format, Level threshold, Clock clock) {
        this.console = console;
        this.format = format;
        this.threshold = threshold;
        this.clock = clock;
    }

    public void debug(String step, String message, Map<String, ?> fields) {
        event(Level.DEBUG, step, message, fields);
    }

    public void info(String step, String message, Map<String, ?> fields) {
        event(Level.INFO, step, message, fields);
    }

    public void warn(String step, String message, Map<String, ?> fields) {
        event(Level.WARN, step, message, fields);
    }

    public void event(Level level, String step, String message, Map<String, ?> fields) {
        if (level.compareTo(threshold) < 0) {
            return;
        }
        if (format == Format.json) {
            console.line(json(level, step, message, fields));
        } else {
            console.line("[aim-engine] " + (level == Level.WARN ? "warning: " : level == Level.ERROR ? "error: " : "")
                    + message);
        }
    }

    /** A line the engine printed: prefixed in text, an event of step "engine" in JSON. */
    public void engineLine(String engine, String line) {
        if (format == Format.json) {
            if (Level.INFO.compareTo(threshold) >= 0) {
                console.line(json(Level.INFO, "engine", line, Map.of("engine", engine)));
            }
        } else {
            console.line("[" + engine + "] " + line);
        }
    }

    /** Where a wait stands: the live status line on a terminal, else an info event. */
    public void progress(String step, String message, Map<String, ?> fields) {
        if (format == Format.text && console.live()) {
            console.status("[aim-engine] " + message);
        } else {
            info(step, message, fields);
        }
    }

    /** Whether progress redraws in place (so it may be updated often) or prints lines (so it should be rare). */
    public boolean liveProgress() {
        return format == Format.text && console.live();
    }

    public void endProgress() {
        console.clearStatus();
    }

    private String json(Level level, String step, String message, Map<String, ?> fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        e.put("level", level.key());
        e.put("step", step);
        e.put("message", message);
        e.put("fields", fields == null ? Map.of() : fields);
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event fields must be plain values", ex);
        }
    }
}
