package netlab.executor;

/**
 * How far a {@code down} has got: on a terminal, its progress line follows the things removed
 * (tables, host changes, host interfaces, namespaces, host sysctls) phase by phase.
 */
public interface TeardownProgress {
    TeardownProgress NONE = new TeardownProgress() { };

    /** The down is about to remove {@code things} recorded things in all. */
    default void starting(int things) { }

    /** A phase of the down starts: what it removes. */
    default void phase(String what) { }

    /** {@code things} more recorded things are dealt with (removed, gone already, or left alone). */
    default void removed(int things) { }
}
