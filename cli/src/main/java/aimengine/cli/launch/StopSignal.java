package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;

/** The signals that stop aim-engine, with the exit code a shell expects after each (128 + number). */
public enum StopSignal {
    INT(ExitCodes.INTERRUPTED), TERM(ExitCodes.TERMINATED);

    private final int exitCode;

    StopSignal(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return "SIG" + name();
    }
}
