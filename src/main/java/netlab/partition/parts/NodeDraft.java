package netlab.partition.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.topology.Impairment;
import netlab.topology.Neighbour;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Source;
import netlab.topology.SysctlSetting;

/**
 * A node of one part while the split is written: the original node's statements, or for a copy
 * of a bridge on another machine, only a loopback, the bridge and its tunnel.
 */
final class NodeDraft {
    final Node original;
    /** The node as the lab has it: every name its interfaces have on any machine. */
    private final Node labNode;
    final List<NetInterface> interfaces;
    private final List<Neighbour> neighbours;
    private final List<SysctlSetting> sysctls;
    private final List<Impairment> impairments;

    private NodeDraft(Node labNode, Node original, List<NetInterface> interfaces) {
        this.labNode = labNode;
        this.original = original;
        this.interfaces = interfaces;
        this.neighbours = new ArrayList<>(original.neighbours());
        this.sysctls = new ArrayList<>(original.sysctls());
        this.impairments = new ArrayList<>(original.impairments());
    }

    static NodeDraft of(Node node) {
        return new NodeDraft(node, node, new ArrayList<>(node.interfaces()));
    }

    /** The node {@code of} on another machine, holding copies of its bridges only. */
    static NodeDraft copyOf(Node of) {
        NodeDraft copy = new NodeDraft(of, new Node(of.name(), of.source(), List.of(), List.of(), List.of(), List.of(),
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

    /**
     * Moves interface {@code name} to {@code to} (the same node's copy on another machine), with
     * the statements naming it: its sysctls ({@code net.ipv4.conf.NAME.*}) and impairments.
     */
    void moveInterface(String name, NetInterface moved, NodeDraft to) {
        interfaces.removeIf(i -> i.name().equals(name));
        to.interfaces.add(moved);
        List<SysctlSetting> itsSysctls = sysctls.stream()
                .filter(s -> s.interfaceName().filter(name::equals).isPresent()).toList();
        sysctls.removeAll(itsSysctls);
        to.sysctls.addAll(itsSysctls);
        List<Impairment> itsImpairments = impairments.stream().filter(i -> i.interfaceName().equals(name)).toList();
        impairments.removeAll(itsImpairments);
        to.impairments.addAll(itsImpairments);
    }

    /**
     * A name for a new interface: {@code preferred} when neither this draft nor the node in the
     * lab has one of it (a copy's ports arrive later), else with a number after it.
     */
    String freeName(String preferred) {
        String name = preferred;
        for (int k = 1; find(name).isPresent() || taken(name); k++) {
            name = preferred + "-" + k;
        }
        return name;
    }

    private boolean taken(String name) {
        return labNode.netInterface(name).isPresent();
    }

    Node build() {
        Source source = original.source();
        return new Node(original.name(), source, interfaces, original.routes(), neighbours,
                sysctls, original.nat(), impairments);
    }
}
