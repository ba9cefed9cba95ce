package netlab.error;

/** The kinds of failure netlab tells apart; each has an exit status of its own. */
public enum FailureKind {
    /** The topology file has problems (every one is listed). */
    TOPOLOGY_FILE,
    /** The kernel refused a change, or did not make it. */
    KERNEL,
    /** netlab lacks a privilege it needs. */
    NOT_PERMITTED,
    /** The lab is not in the state the command needs: not up, already up, broken, busy. */
    LAB_STATE,
    /** {@code exec}: the program is not on the node's PATH. */
    PROGRAM_NOT_FOUND,
    /** {@code exec}: the program exists but cannot be run (not executable, a directory, no format the kernel knows). */
    PROGRAM_NOT_RUNNABLE,
    /** netlab was interrupted while it waited. */
    INTERRUPTED
}
