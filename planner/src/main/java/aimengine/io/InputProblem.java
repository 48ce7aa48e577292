package aimengine.io;

/**
 * One thing wrong with a file the user gave us: where it is and what to do about it.
 * Line is 1-based; 0 means "the whole file".
 */
public record InputProblem(String file, int line, String message) {

    @Override
    public String toString() {
        if (file.isEmpty()) {
            return message;
        }
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
