package netlab.state;

/**
 * A state file that no netlab of this version wrote: its one-line reason becomes the lab's
 * "broken" status. Never leaves this package: readers get a {@link LabRecord.Unreadable}.
 */
final class CorruptStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptStateException(String reason) {
        super(reason, null, false, false);
    }
}
