package netlab.error;

/**
 * The lab, or something in its way, is not in the state the command needs: not up, already up,
 * broken, busy, a name already taken, a namespace that is no longer the one the lab made.
 */
public final class LabStateException extends NetlabException {
    private static final long serialVersionUID = 1L;

    public LabStateException(String message) {
        super(message);
    }

    public LabStateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LAB_STATE;
    }
}
