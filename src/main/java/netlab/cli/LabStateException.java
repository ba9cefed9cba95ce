package netlab.cli;

/** The lab is not in the state a command needs; exits with {@link ExitCodes#LAB_STATE}. */
final class LabStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LabStateException(String message) {
        super(message);
    }
}
