package aimengine.cli.render;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** How files are named in output: relative to the working directory when below it, as given otherwise. */
public final class FileNames {
    private final Path workingDirectory;

    public FileNames(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public String show(String file) {
        if (file == null || file.startsWith("builtin:")) {
            return file;
        }
        try {
            Path p = Path.of(file);
            if (p.isAbsolute() && p.normalize().startsWith(workingDirectory) && !p.normalize().equals(workingDirectory)) {
                return workingDirectory.relativize(p.normalize()).toString();
            }
        } catch (InvalidPathException notAPath) {
            // a name that is not a path (an environment variable, a flag) is shown as it is
        }
        return file;
    }
}
