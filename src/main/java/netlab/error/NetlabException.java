package netlab.error;

/**
 * The root of every failure netlab reports to its user. Each subclass says what kind of failure
 * it is ({@link #kind()}); the command line turns kinds into exit statuses in one place, so a
 * lower layer throws what it means and never picks an exit code.
 *
 * <p>This package is the floor of the house: every layer may use it, and it uses nothing.
 */
public abstract class NetlabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected NetlabException(String message) {
        super(message);
    }

    protected NetlabException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For failures that carry no stack worth keeping (a file's problems, say). */
    protected NetlabException(String message, boolean writableStackTrace) {
        super(message, null, false, writableStackTrace);
    }

    /** What kind of failure this is, which decides netlab's exit status. */
    public abstract FailureKind kind();
}
