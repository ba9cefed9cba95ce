package netlab.cli;

/** netlab lacks the privileges it needs; exits with {@link ExitCodes#PERMISSION}. */
final class PermissionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PermissionException(String message) {
        super(message);
    }
}
