package netlab.kernel;

/**
 * What is at /run/netns/NAME, as {@code down} must know it before it removes anything there:
 * it unmounts and unlinks only a namespace it proves it made, and unlinks only an empty file
 * that nothing is mounted on.
 */
public sealed interface NamespacePresence {
    /** Nothing: the namespace is gone already. */
    record Absent() implements NamespacePresence {}

    /** Something is mounted there; a namespace's mount shows that namespace's inode. */
    record Mounted(long inode) implements NamespacePresence {}

    /**
     * An empty file with nothing mounted on it: what an {@code ip netns add} or {@code del}
     * stopped half-way leaves (the file made, not yet mounted; or unmounted, not yet unlinked).
     * No namespace at all.
     */
    record EmptyFile() implements NamespacePresence {}

    /** Anything else (a symbolic link, a directory, a file with content): nothing netlab made. */
    record Other(String what) implements NamespacePresence {}
}
