package aimengine.probe;

/** What a tool printed and how it exited. */
public record ToolResult(String tool, int exitCode, String stdout, String stderr) {

    /** The standard output, or a failure naming the exit status and the tool's own first line of complaint. */
    public String requireSuccess() throws ProbeException {
        if (exitCode != 0) {
            String said = firstLine(stderr);
            if (said.isEmpty()) {
                said = firstLine(stdout);
            }
            throw ProbeException.failed(tool + " exited with status " + exitCode + (said.isEmpty() ? "" : ": " + said));
        }
        return stdout;
    }

    static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() > 200 ? t.substring(0, 200) + "..." : t;
            }
        }
        return "";
    }
}
