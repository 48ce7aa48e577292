package aimengine.yaml;

/** Where in a text an offset falls, for messages that name a line. */
public final class TextPosition {
    private TextPosition() {
    }

    /** The 1-based line of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based line of a byte offset (for text that could not be decoded). */
    public static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
