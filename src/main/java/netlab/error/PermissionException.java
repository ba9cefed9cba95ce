package netlab.error;

/** netlab lacks the privileges it needs (CAP_NET_ADMIN and CAP_SYS_ADMIN). */
public final class PermissionException extends NetlabException {
    private static final long serialVersionUID = 1L;

    public PermissionException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_PERMITTED;
    }
}
