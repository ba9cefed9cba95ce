package netlab.state;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change a lab made to something in the host it does not own, as recorded before the change:
 * the host's lo, which every lab may set things on, a host route that no interface of the lab
 * carries, and the files of its nodes under /etc/netns. {@code down} undoes each (what is gone
 * already is done).
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

    /**
     * /etc/netns/NODE, made by the lab for its node, with the link {@code hosts} to the lab's
     * hosts file in it ({@code ip netns exec} and {@code netlab exec} bind it over /etc/hosts).
     */
    record EtcNetns(String node) implements HostChange {}

    /** /etc/netns itself, which the lab made because the machine had none. */
    record EtcNetnsDirectory() implements HostChange {}
}
