package netlab.cli;

import netlab.error.FailureKind;

/** What netlab's exit status means; scripts and tests rely on these. */
public final class ExitCodes {
    public static final int OK = 0;
    /** {@code test}: an expectation failed; {@code pingall}: a pair did not answer; {@code doctor}: a problem found. */
    public static final int EXPECTATION_FAILED = 1;
    /** Wrong command line: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The topology file has errors (all are listed). */
    public static final int TOPOLOGY = 3;
    /** The kernel refused a change (errno and its explanation are printed). */
    public static final int KERNEL = 4;
    /** Not allowed: netlab needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN). */
    public static final int PERMISSION = 5;
    /** The lab is not in the state the command needs (not up, already up, broken). */
    public static final int LAB_STATE = 6;
    /** Something netlab did not expect (a bug): the message names the exception (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL = 70;
    /** Stopped by SIGINT or SIGTERM (128 + SIGINT, as a shell says it). */
    public static final int INTERRUPTED = 130;
    /** {@code exec}: the program is not on the node's PATH (as a shell says it). */
    public static final int COMMAND_NOT_FOUND = 127;
    /** {@code exec}: the program exists but cannot be run (as a shell says it). */
    public static final int COMMAND_NOT_EXECUTABLE = 126;

    private ExitCodes() {}

    /** The exit status of each kind of failure. */
    static int of(FailureKind kind) {
        return switch (kind) {
            case TOPOLOGY_FILE -> TOPOLOGY;
            case KERNEL -> KERNEL;
            case NOT_PERMITTED -> PERMISSION;
            case LAB_STATE -> LAB_STATE;
            case PROGRAM_NOT_FOUND -> COMMAND_NOT_FOUND;
            case PROGRAM_NOT_RUNNABLE -> COMMAND_NOT_EXECUTABLE;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}
