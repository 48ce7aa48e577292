package aimengine.cli.base;

/** Exit codes, as documented in the README. */
public final class ExitCodes {
    /** Success: a plan was found, the command did what was asked. */
    public static final int OK = 0;
    /** Something failed at run time (engine crashed past its restarts, never became healthy, I/O error). */
    public static final int FAILURE = 1;
    /** Bad input: a flag, a file (recipe, host profile, DRL), the environment or probe output. */
    public static final int BAD_INPUT = 2;
    /** No workable plan (the explanation is still printed), or no GPUs detected. */
    public static final int NO_PLAN = 3;
    /** The engine to launch is not installed (vllm, or python3 without sglang). */
    public static final int ENGINE_MISSING = 4;
    /** The requested port is already in use. */
    public static final int PORT_IN_USE = 5;
    /** Stopped by SIGINT (128 + 2). */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM (128 + 15). */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
