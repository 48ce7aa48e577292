package aimengine.cli.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the engine's merged stdout and stderr: each line goes to the log file and to the console with the engine's
 * prefix. It remembers the last line (for progress), the most telling failure line, and pokes the waiter when the
 * engine says it is ready.
 */
public final class EngineOutput {
    private final UnaryOperator<String> mask;
    private final String engine;
    private final EventLog log;
    private final Writer file;
    private final Wakeup wakeup;
    private volatile String lastLine = "";
    private volatile FailureLines.Known failure;
    private volatile String failureLine;
    private boolean fileFailed;

    /**
     * @param engine the console prefix, e.g. "vllm"
     * @param file   the log file; closed when the output ends
     * @param mask   masks the secrets in a line before it is written or shown anywhere
     */
    public EngineOutput(String engine, EventLog log, Writer file, Wakeup wakeup, UnaryOperator<String> mask) {
        this.mask = mask;
        this.engine = engine;
        this.log = log;
        this.file = file;
        this.wakeup = wakeup;
    }

    /** Reads until the engine closes its output. */
    public void consume(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)); Writer w = file) {
            String line;
            while ((line = r.readLine()) != null) {
                accept(line);
            }
        } catch (IOException e) {
            log.debug("spawn", "engine output ended: " + e.getMessage(), null);
        }
    }

    void accept(String printed) {
        String line = mask.apply(printed);
        writeToFile(line);
        log.engineLine(engine, line);
        if (!line.isBlank()) {
            lastLine = line.strip();
        }
        FailureLines.match(line).ifPresent(k -> {
            if (failure == null || FailureLines.moreSpecific(k, failure)) {
                failure = k;
                failureLine = line.strip();
            }
        });
        if (FailureLines.isReady(line)) {
            wakeup.poke();
        }
    }

    /** A log file that cannot be written must not stop the reading: the engine would block on a full pipe. */
    private void writeToFile(String line) {
        if (fileFailed) {
            return;
        }
        try {
            file.write(line);
            file.write('\n');
            file.flush();
        } catch (IOException e) {
            fileFailed = true;
            log.warn("spawn", "cannot write the engine log file any more: " + e.getMessage(), null);
        }
    }

    public String lastLine() {
        return lastLine;
    }

    /** The known failure the engine printed, as "cause: line". */
    public Optional<String> failure() {
        FailureLines.Known k = failure;
        return k == null ? Optional.empty() : Optional.of(k.cause() + "; the engine said: " + failureLine);
    }
}
