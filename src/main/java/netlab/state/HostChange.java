package netlab.state;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change a lab made to something in the host it does not own, as recorded before the change:
 * the host's lo, which every lab may set things on, and a host route that no interface of the
 * lab carries. {@code down} undoes each (what is gone already is done).
 */
public sealed interface HostChange {
    /** An address the lab added to lo. */
    record LoopbackAddress(InetAddress address, int prefixLength) implements HostChange {}

    /** A permanent neighbour entry the lab added on lo, with the MAC that tells it from another's. */
    record LoopbackNeighbour(InetAddress address, String lladdr) implements HostChange {}

    /**
     * A route the lab added in the host, with netlab's route protocol: on lo ({@code device}
     * "lo"), or through a gateway on whatever device the kernel chose ({@code device} empty).
     */
    record Route(InetAddress destination, int prefixLength, Optional<InetAddress> gateway, String device,
            OptionalLong metric) implements HostChange {}

    /** The MTU lo had before the lab set its own. */
    record LoopbackMtu(int oldMtu) implements HostChange {}
}
