package aimengine.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns I/O exceptions into words for the user: java.nio puts only the path in the message of the common ones
 * (permission denied, no such file), which alone reads like nonsense.
 */
final class IoProblems {
    private IoProblems() {
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
    }

    /** An unchecked exception whose cause's message is the whole sentence, as the CLI prints the cause's message. */
    static UncheckedIOException unchecked(String doing, IOException e) {
        return new UncheckedIOException(new IOException(doing + ": " + describe(e), e));
    }
}
