package netlab.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.NetInterface.Bridge;
import netlab.topology.NetInterface.Loopback;
import netlab.topology.NetInterface.Macvlan;
import netlab.topology.NetInterface.VethEnd;

/**
 * The MTU each interface of a lab ends with once {@code up} has set the file's, where the kernel
 * derives what the file leaves open, and so whether the kernel keeps IPv6 on it. {@code up} sets
 * MTUs bridges first, then veth ends, then macvlans (the planner), which makes this a function of
 * the file alone:
 * <ul>
 * <li>a veth end without {@code mtu} has 1500 (ETH_DATA_LEN);
 * <li>a bridge without one has the smallest of its ports' (1500 without ports): the kernel
 *     adjusts it whenever a port's changes, unless the bridge's own was set (br_mtu_auto_adjust);
 * <li>a macvlan is made with its parent's MTU, 1500 for the lab's own (MTUs are set after every
 *     interface is made), and follows the parent down, never up (macvlan_device_event); its own
 *     may not exceed the parent's (macvlan_change_mtu: EINVAL). (The language refuses a macvlan on
 *     a macvlan, which the kernel would put on that one's parent.)
 * </ul>
 * Below 1280 (IPV6_MIN_MTU) the kernel takes IPv6 off an interface, lo excepted (addrconf_notify):
 * no IPv6 address, route or neighbour, no {@code net.ipv6.conf.IF} settings.
 */
public final class Mtus {
    public static final int ETH_DATA_LEN = 1500;
    public static final int IPV6_MIN_MTU = 1280;

    private final Map<String, Node> nodes = new HashMap<>();
    /** The smallest MTU of each bridge's ports, by bridge. */
    private final Map<Endpoint, Integer> smallestPort = new HashMap<>();

    private Mtus(Lab lab) {
        for (Node node : lab.nodes()) {
            nodes.putIfAbsent(node.name(), node);
            for (NetInterface i : node.interfaces()) {
                if (i instanceof VethEnd port && port.master().isPresent()) {
                    smallestPort.merge(new Endpoint(node.name(), port.master().get()), port.mtu().orElse(ETH_DATA_LEN),
                            Math::min);
                }
            }
        }
    }

    public static Mtus of(Lab lab) {
        return new Mtus(lab);
    }

    /**
     * The interface's MTU, or empty when the file does not decide it: lo, an interface the lab
     * does not have, a macvlan on one of the machine's interfaces with no MTU of its own.
     */
    public OptionalInt mtu(Endpoint endpoint) {
        return switch (find(endpoint).orElse(null)) {
            case null -> OptionalInt.empty();
            case Loopback lo -> OptionalInt.empty();
            case VethEnd end -> OptionalInt.of(end.mtu().orElse(ETH_DATA_LEN));
            case Bridge bridge -> OptionalInt.of(bridge.mtu().orElse(smallestPort.getOrDefault(endpoint, ETH_DATA_LEN)));
            case Macvlan macvlan -> {
                OptionalInt parent = parentMtu(endpoint);
                if (macvlan.mtu().isPresent()) {
                    yield OptionalInt.of(parent.isPresent() ? Math.min(macvlan.mtu().getAsInt(), parent.getAsInt())
                            : macvlan.mtu().getAsInt());
                }
                yield parent.isPresent() ? OptionalInt.of(Math.min(ETH_DATA_LEN, parent.getAsInt())) : OptionalInt.empty();
            }
        };
    }

    /** The MTU of a macvlan's parent when the lab makes it; empty otherwise. */
    public OptionalInt parentMtu(Endpoint macvlan) {
        // A parent that is a macvlan (itself, even) is refused by the language: nothing to follow.
        return find(macvlan).orElse(null) instanceof Macvlan m && !(find(m.parent()).orElse(null) instanceof Macvlan)
                ? mtu(m.parent()) : OptionalInt.empty();
    }

    /** True when the kernel takes IPv6 off the interface: an MTU below 1280, and not lo. */
    public boolean withoutIpv6(Endpoint endpoint) {
        OptionalInt mtu = mtu(endpoint);
        return mtu.isPresent() && mtu.getAsInt() < IPV6_MIN_MTU;
    }

    private Optional<NetInterface> find(Endpoint endpoint) {
        Node node = nodes.get(endpoint.node());
        return node == null ? Optional.empty() : node.netInterface(endpoint.interfaceName());
    }
}
