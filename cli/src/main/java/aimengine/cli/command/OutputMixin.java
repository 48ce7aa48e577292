package aimengine.cli.command;

import picocli.CommandLine.Option;

/** --output text|json for commands whose result is data. */
public final class OutputMixin {
    public enum Format { text, json }

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }
}
