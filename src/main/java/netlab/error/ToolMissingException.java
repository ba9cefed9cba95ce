package netlab.error;

/**
 * A program netlab needs for one job is not installed (Graphviz's dot for {@code graph --format
 * svg}). Exit 5 like a missing privilege: the machine does not let netlab do it, and nothing in
 * the command or the lab is wrong.
 */
public final class ToolMissingException extends NetlabException {
    private static final long serialVersionUID = 1L;

    public ToolMissingException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_PERMITTED;
    }
}
