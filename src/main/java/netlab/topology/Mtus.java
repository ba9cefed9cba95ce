package netlab.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.NetInterface.Bridge;
import netlab.topology.NetInterface.Loopback;
import netlab.topology.NetInterface.Macvlan;
import netlab.topology.NetInterface.VethEnd;
import netlab.topology.NetInterface.Vxlan;

/**
 * The MTU each interface of a lab ends with once {@code up} has set the file's, where the kernel
 * derives what the file leaves open, and so whether the kernel keeps IPv6 on it. {@code up} sets
 * MTUs bridges first, then veth ends, then macvlans, then vxlans (the planner), which makes this a
 * function of the file alone:
 * <ul>
 * <li>a veth end without {@code mtu} has 1500 (ETH_DATA_LEN);
 * <li>a bridge without one has the smallest of its ports' (1500 without ports): the kernel
 *     adjusts it whenever a port's changes, unless the bridge's own was set (br_mtu_auto_adjust);
 * <li>a macvlan is made with its parent's MTU, 1500 for the lab's own (MTUs are set after every
 *     interface is made), and follows the parent down, never up (macvlan_device_event); its own
 *     may not exceed the parent's (macvlan_change_mtu: EINVAL). (The language refuses a macvlan on
 *     a macvlan, which the kernel would put on that one's parent.)
 * <li>a vxlan has its underlay's MTU less the encapsulation's overhead ({@link Vxlan#overhead()}),
 *     1500 less it without an underlay; the kernel sizes a vxlan once, at creation, and does not
 *     follow its underlay later (vxlan_config_apply), so {@code up} sets every vxlan's MTU; its
 *     own may not exceed that limit (vxlan_change_mtu: EINVAL).
 * </ul>
 * Below 1280 (IPV6_MIN_MTU) the kernel takes IPv6 off an interface, lo excepted (addrconf_notify):
 * no IPv6 address, route or neighbour, no {@code net.ipv6.conf.IF} settings.
 */
public final class Mtus {
    public static final int ETH_DATA_LEN = 1500;
    public static final int IPV6_MIN_MTU = 1280;

    private final Map<String, Node> nodes = new HashMap<>();
    /** Each bridge's ports, by bridge. */
    private final Map<Endpoint, List<Endpoint>> ports = new HashMap<>();
    /** The interfaces whose MTU is being derived: a loop of vxlans and bridges gives up instead of recursing. */
    private final Set<Endpoint> deriving = new HashSet<>();

    private Mtus(Lab lab) {
        for (Node node : lab.nodes()) {
            nodes.putIfAbsent(node.name(), node);
            for (NetInterface i : node.interfaces()) {
                Optional<String> master = switch (i) {
                    case VethEnd end -> end.master();
                    case Vxlan vxlan -> vxlan.master();
                    case Loopback lo -> Optional.empty();
                    case Bridge bridge -> Optional.empty();
                    case Macvlan macvlan -> Optional.empty();
                };
                master.ifPresent(bridge -> ports.computeIfAbsent(new Endpoint(node.name(), bridge), b -> new ArrayList<>())
                        .add(new Endpoint(node.name(), i.name())));
            }
        }
    }

    public static Mtus of(Lab lab) {
        return new Mtus(lab);
    }

    /**
     * The interface's MTU, or empty when the file does not decide it: lo, an interface the lab
     * does not have, a macvlan on one of the machine's interfaces with no MTU of its own (or a
     * vxlan over such a macvlan).
     */
    public OptionalInt mtu(Endpoint endpoint) {
        if (!deriving.add(endpoint)) {
            return OptionalInt.empty();
        }
        try {
            return derive(endpoint);
        } finally {
            deriving.remove(endpoint);
        }
    }

    private OptionalInt derive(Endpoint endpoint) {
        return switch (find(endpoint).orElse(null)) {
            case null -> OptionalInt.empty();
            case Loopback lo -> OptionalInt.empty();
            case VethEnd end -> OptionalInt.of(end.mtu().orElse(ETH_DATA_LEN));
            case Bridge bridge -> bridge.mtu().isPresent() ? bridge.mtu() : OptionalInt.of(smallestPort(endpoint));
            case Vxlan vxlan -> vxlan.mtu().isPresent() ? vxlan.mtu() : vxlanLimit(endpoint);
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

    /** The smallest MTU of a bridge's ports that the file decides; 1500 without ports. */
    private int smallestPort(Endpoint bridge) {
        int smallest = ETH_DATA_LEN;
        boolean any = false;
        for (Endpoint port : ports.getOrDefault(bridge, List.of())) {
            OptionalInt mtu = mtu(port);
            if (mtu.isPresent()) {
                smallest = any ? Math.min(smallest, mtu.getAsInt()) : mtu.getAsInt();
                any = true;
            }
        }
        return smallest;
    }

    /**
     * The largest MTU a vxlan may have, and the one it gets by default: its underlay's less the
     * overhead, 1500 less it without an underlay; empty when the file does not decide the underlay's.
     */
    public OptionalInt vxlanLimit(Endpoint endpoint) {
        if (!(find(endpoint).orElse(null) instanceof Vxlan vxlan)) {
            return OptionalInt.empty();
        }
        OptionalInt underlay = vxlan.underlay().isEmpty() ? OptionalInt.of(ETH_DATA_LEN)
                : mtu(new Endpoint(endpoint.node(), vxlan.underlay().get()));
        return underlay.isPresent() ? OptionalInt.of(underlay.getAsInt() - vxlan.overhead()) : OptionalInt.empty();
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
