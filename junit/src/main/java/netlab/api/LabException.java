package netlab.api;

/** netlab could not do what was asked: its one-line reason, as the CLI would print it. */
public final class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
