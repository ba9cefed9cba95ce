package netlab.state;

/**
 * A lab's record as found under the state directory: readable, or not, with the one-line
 * reason. An unreadable record is never acted on: it shows as a broken lab, and {@code down}
 * refuses it with the reason (see StateStore).
 */
public sealed interface LabRecord {
    /** The lab's name: its directory's, which a readable record repeats. */
    String lab();

    record Readable(LabState state) implements LabRecord {
        @Override
        public String lab() {
            return state.lab();
        }
    }

    record Unreadable(String lab, String reason) implements LabRecord {}

    /** A lab that lives in a holder's namespaces: its outside record (its state is inside). */
    record Held(HeldLab held) implements LabRecord {
        @Override
        public String lab() {
            return held.lab();
        }
    }
}
