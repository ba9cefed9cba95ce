package netlab.error;

/**
 * netlab's thread was interrupted while it waited (for the kernel, a worker, a program). The
 * thread's interrupt flag is set again before this is thrown, so callers further up see it too.
 */
public final class InterruptedWaitException extends NetlabException {
    private static final long serialVersionUID = 1L;

    /** {@code waitingFor}: what the wait was for, as in "interrupted while waiting for the kernel". */
    public InterruptedWaitException(String waitingFor, InterruptedException cause) {
        super("interrupted while " + waitingFor, cause);
        Thread.currentThread().interrupt();
    }

    @Override
    public FailureKind kind() {
        return FailureKind.INTERRUPTED;
    }
}
