package netlab.cli;

/**
 * The netlab run inside a held lab failed and has said why on the shared standard error; the
 * outer one exits with its status and adds nothing.
 */
final class InnerStatus extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    InnerStatus(int status) {
        super("the netlab inside the lab exited with status " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
