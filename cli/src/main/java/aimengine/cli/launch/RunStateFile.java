package aimengine.cli.launch;

import aimengine.io.AtomicFile;
import aimengine.io.InputException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state file of the running {@code aim-engine run}: written whole (a temporary file moved into place) so a
 * reader never sees half of it, and never trusted on its own: {@link #isLive} checks that the process it names is
 * still the one that wrote it.
 */
public final class RunStateFile {
    public static final String NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public RunStateFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    public void write(RunState state) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, JSON.writeValueAsString(state) + "\n");
    }

    /**
     * @return the state, or empty when there is no state file
     * @throws InputException when the file is there but is not a state file
     */
    public Optional<RunState> read() {
        try {
            return Optional.of(JSON.readValue(Files.readString(file), RunState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "not a readable aim-engine state file ("
                    + e.getMessage().lines().findFirst().orElse("") + "); remove it if no aim-engine run is active");
        }
    }

    /** Removes the file, but only when it is still the one this run wrote (another run may have taken over). */
    public void deleteIfOwnedBy(long pid) throws IOException {
        Optional<RunState> s;
        try {
            s = read();
        } catch (InputException e) {
            return;
        }
        if (s.isPresent() && s.get().pid() == pid) {
            Files.deleteIfExists(file);
        }
    }

    /** Whether the aim-engine process the state names is alive and is the same process that wrote it. */
    public static boolean isLive(RunState state) {
        return ProcessHandle.of(state.pid()).filter(ProcessHandle::isAlive)
                .map(h -> h.info().startInstant().map(Object::toString).orElse("").equals(state.pidStarted()))
                .orElse(false);
    }

    /** The start time to record for this process, as {@link #isLive} compares it. */
    public static String startOf(ProcessHandle h) {
        return h.info().startInstant().map(Object::toString).orElse("");
    }
}
