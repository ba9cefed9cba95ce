package netlab.partition.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.topology.Neighbour;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Source;

/**
 * A node of one part while the split is written: the original node's statements, or for a copy
 * of a bridge on another machine, only a loopback, the bridge and its tunnel.
 */
final class NodeDraft {
    final Node original;
    final List<NetInterface> interfaces;
    private final List<Neighbour> neighbours;

    private NodeDraft(Node original, List<NetInterface> interfaces) {
        this.original = original;
        this.interfaces = interfaces;
        this.neighbours = new ArrayList<>(original.neighbours());
    }

    static NodeDraft of(Node node) {
        return new NodeDraft(node, new ArrayList<>(node.interfaces()));
    }

    /** The node {@code of} on another machine, holding copies of its bridges only. */
    static NodeDraft copyOf(Node of) {
        NodeDraft copy = new NodeDraft(new Node(of.name(), of.source(), List.of(), List.of(), List.of(), List.of(),
                List.of()), new ArrayList<>());
        if (!of.isHost()) {
            copy.interfaces.add(new NetInterface.Loopback(List.of(), java.util.OptionalInt.empty(), of.source()));
        }
        return copy;
    }

    Optional<NetInterface> find(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    void replace(String name, NetInterface with) {
        interfaces.replaceAll(i -> i.name().equals(name) ? with : i);
    }

    /** Its interface {@code name} with {@code mac} given, as a {@code mac} line gives it. */
    void giveMac(String name, String mac) {
        Optional<String> given = Optional.of(mac);
        interfaces.replaceAll(i -> !i.name().equals(name) ? i : switch (i) {
            case NetInterface.Bridge b -> new NetInterface.Bridge(b.name(), b.addresses(), b.mtu(), given, b.source());
            case NetInterface.VethEnd e -> new NetInterface.VethEnd(e.name(), e.peer(), e.creator(), e.master(),
                    e.addresses(), e.mtu(), given, e.source());
            case NetInterface.Macvlan m -> new NetInterface.Macvlan(m.name(), m.parent(), m.mode(), m.addresses(), m.mtu(),
                    given, m.source());
            case NetInterface.Vxlan v -> new NetInterface.Vxlan(v.name(), v.vni(), v.remotes(), v.local(), v.underlay(),
                    v.machine(), v.port(), v.master(), v.addresses(), v.mtu(), given, v.source());
            case NetInterface.Loopback lo -> throw new IllegalArgumentException("lo keeps the kernel's MAC");
        });
    }

    /**
     * Its {@code lladdr peer} entries on {@code dev} with the peer's MAC written out: once the veth
     * end is a vxlan, its peer is on another machine and the part alone cannot look it up.
     */
    void writePeerMac(String dev, String peerMac) {
        neighbours.replaceAll(n -> n.dev().equals(dev) && n.usesPeerMac()
                ? new Neighbour(n.address(), n.dev(), Optional.of(peerMac), n.source()) : n);
    }

    void remove(String name) {
        interfaces.removeIf(i -> i.name().equals(name));
    }

    /** A name for a new interface: {@code preferred} when the node has none of it, else with a number after it. */
    String freeName(String preferred) {
        String name = preferred;
        for (int k = 1; find(name).isPresent(); k++) {
            name = preferred + "-" + k;
        }
        return name;
    }

    Node build() {
        Source source = original.source();
        return new Node(original.name(), source, interfaces, original.routes(), neighbours,
                original.sysctls(), original.nat(), original.impairments());
    }
}
