package netlab.executor.step;

import java.net.InetAddress;
import netlab.topology.Cidr;
import netlab.topology.Route;

/**
 * Something a step creates that the lab owns from then on: recorded before the request that makes
 * it is sent (so a killed netlab never leaves one unrecorded), checked free before {@code up}
 * changes anything, and removed by {@code down}. What a step makes inside one of the lab's own
 * namespaces, or on an interface the lab made, needs no record: it goes with the namespace or the
 * interface. The host's own {@code lo} is neither: what a lab sets on it is recorded here too.
 */
public sealed interface Creation {
    /** A named network namespace: {@code down} deletes it if it is still the one made (same inode). */
    record Namespace(String name) implements Creation {}

    /** An interface in the host namespace: it carries the lab's link group, which {@code down} deletes. */
    record HostLink(String name) implements Creation {}

    /** The lab's nf_tables table in {@code node}: {@code down} deletes it in the host (a node's goes with it). */
    record Table(String node, String family, String name) implements Creation {}

    /** An address on the host's lo: {@code down} deletes it (up checks lo does not have it yet). */
    record LoopbackAddress(Cidr address) implements Creation {}

    /**
     * A permanent neighbour entry on the host's lo: {@code down} deletes it while it still holds
     * this MAC (up checks lo has no such entry yet).
     */
    record LoopbackNeighbour(InetAddress address, String lladdr) implements Creation {}

    /**
     * A route in the host on no interface the lab makes (on lo, or through a gateway): {@code
     * down} deletes it, matching netlab's route protocol, so no one else's route can match.
     */
    record HostRoute(Route route) implements Creation {}

    /** The MTU the host's lo had before the lab changed it: {@code down} sets it back. */
    record LoopbackMtu(int oldMtu) implements Creation {}

    /**
     * /etc/netns/NODE with the link to the lab's hosts file: up checks nothing is there yet;
     * {@code down} removes the link while it points at the lab's file, and the directory when empty.
     */
    record EtcNetns(String node) implements Creation {}

    /** /etc/netns itself, made because the machine had none: {@code down} removes it when empty. */
    record EtcNetnsDirectory() implements Creation {}
}
