package netlab.executor.step;

/**
 * Something a step creates that the lab owns from then on: recorded before the request that makes
 * it is sent (so a killed netlab never leaves one unrecorded), checked free before {@code up}
 * changes anything, and removed by {@code down}. What a step makes inside one of the lab's own
 * namespaces needs no record: it goes with the namespace.
 */
public sealed interface Creation {
    /** A named network namespace: {@code down} deletes it if it is still the one made (same inode). */
    record Namespace(String name) implements Creation {}

    /** An interface in the host namespace: it carries the lab's link group, which {@code down} deletes. */
    record HostLink(String name) implements Creation {}

    /** The lab's nf_tables table in {@code node}: {@code down} deletes it in the host (a node's goes with it). */
    record Table(String node, String family, String name) implements Creation {}
}
