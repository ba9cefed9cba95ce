package netlab.partition;

import java.util.Map;
import java.util.Optional;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.Impairment;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.Macvlan;
import netlab.topology.NetInterface.VethEnd;
import netlab.topology.NetInterface.Vxlan;
import netlab.topology.Node;

/**
 * The lab's hard constraints: nodes that must run on one machine because a cut between them would
 * turn a veth end into a vxlan where the language takes only a veth. A macvlan runs on its
 * parent's node, and its parent stays a veth (a macvlan cannot sit on a vxlan); a vxlan's
 * {@code local} address and its underlay device stay on a veth (netlab does not run a vxlan over
 * another); a loss impairment stays on a veth (the loss drops frames at the far end's ingress).
 * A bridge port is never cut (it moves to its far end's machine, with its sysctls and
 * impairments), so a pair with a port stays free, except where a route, a neighbour entry or a
 * NAT rule of the bridge's node names the port: those stay home, and the port with them. The
 * interface holding a vxlan's {@code local} keeps its MTU (the lab's tunnel is sized by it): when
 * it is a bridge, or a veth whose far end is a bridge port, or a macvlan on either, that bridge is
 * not split (a split bridge's ports are clamped under the underlay, and its copies gain a vxlan
 * port).
 */
final class KeptTogether {
    private final Lab lab;
    private final Map<String, Integer> index;
    private final NodeGroups groups;

    private KeptTogether(Lab lab, Map<String, Integer> index, NodeGroups groups) {
        this.lab = lab;
        this.index = index;
        this.groups = groups;
    }

    /** Joins, in {@code groups}, the nodes of the lab (by their index in the file) that must share a machine. */
    static void join(Lab lab, Map<String, Integer> index, NodeGroups groups) {
        new KeptTogether(lab, index, groups).joinAll();
    }

    private void joinAll() {
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                switch (i) {
                    case Macvlan macvlan -> {
                        join(node.name(), macvlan.parent().node());
                        keepVeth(macvlan.parent());
                    }
                    case Vxlan vxlan when !vxlan.machine() -> {
                        vxlan.local().flatMap(local -> holderOf(node, local))
                                .ifPresent(name -> keepUnderlay(new Endpoint(node.name(), name)));
                        vxlan.underlay().ifPresent(name -> keepUnderlay(new Endpoint(node.name(), name)));
                    }
                    default -> { }
                }
            }
            node.routes().forEach(route -> route.dev().ifPresent(dev -> keepPortHome(node, dev)));
            node.neighbours().forEach(neighbour -> keepPortHome(node, neighbour.dev()));
            node.nat().forEach(rule -> rule.out().ifPresent(out -> keepPortHome(node, out)));
            for (Impairment impairment : node.impairments()) {
                if (impairment.lossHundredthsOfPercent().isPresent()) {
                    keepVeth(new Endpoint(node.name(), impairment.interfaceName()));
                }
            }
        }
        joinAnIdleHost();
    }

    /**
     * A host block that sets nothing and that no macvlan sits on (a file may keep one empty on
     * purpose) still goes to the first machine: alone there, it would leave that machine nothing
     * to build. It rides with the lab's first node instead.
     */
    private void joinAnIdleHost() {
        Optional<Node> host = lab.node(Node.HOST);
        boolean macvlanOnHost = lab.nodes().stream().flatMap(n -> n.interfaces().stream())
                .anyMatch(i -> i instanceof Macvlan m && m.parent().node().equals(Node.HOST));
        Optional<Node> first = lab.nodes().stream().filter(n -> !n.isHost()).findFirst();
        if (host.isPresent() && isIdle(host.get()) && !macvlanOnHost && first.isPresent()) {
            join(Node.HOST, first.get().name());
        }
    }

    private static boolean isIdle(Node node) {
        return node.routes().isEmpty() && node.neighbours().isEmpty() && node.sysctls().isEmpty() && node.nat().isEmpty()
                && node.impairments().isEmpty() && node.interfaces().stream()
                        .allMatch(i -> i instanceof NetInterface.Loopback lo && lo.addresses().isEmpty() && lo.mtu().isEmpty());
    }

    /**
     * A vxlan's underlay: a veth pair stays whole, and so does the bridge it or its far end is; a
     * macvlan's traffic is its parent's, so the parent is kept as an underlay too.
     */
    private void keepUnderlay(Endpoint end) {
        keepVeth(end);
        Optional<NetInterface> underlay = lab.node(end.node()).flatMap(n -> n.netInterface(end.interfaceName()));
        if (underlay.isPresent() && underlay.get() instanceof NetInterface.Bridge) {
            keepBridgeWhole(end.node(), end.interfaceName());
        }
        if (underlay.isPresent() && underlay.get() instanceof Macvlan macvlan) {
            keepUnderlay(macvlan.parent());
        }
        vethEnd(end).map(VethEnd::peer).ifPresent(peer -> vethEnd(peer).flatMap(VethEnd::master)
                .ifPresent(bridge -> keepBridgeWhole(peer.node(), bridge)));
    }

    /** Every port's far end on the bridge's machine: the bridge is not split. */
    private void keepBridgeWhole(String node, String bridge) {
        lab.node(node).ifPresent(n -> n.interfaces().forEach(i -> {
            if (i instanceof VethEnd port && port.master().filter(bridge::equals).isPresent()) {
                join(node, port.peer().node());
            }
        }));
    }

    /** A port of {@code node} named by one of its statements that cannot move: its far end stays here. */
    private void keepPortHome(Node node, String name) {
        node.netInterface(name).filter(VethEnd.class::isInstance).map(VethEnd.class::cast)
                .filter(port -> port.master().isPresent()).ifPresent(port -> join(node.name(), port.peer().node()));
    }

    /** The interface of {@code node} that holds {@code address}. */
    private static Optional<String> holderOf(Node node, java.net.InetAddress address) {
        return node.interfaces().stream()
                .filter(i -> i.addresses().stream().map(Cidr::address).anyMatch(address::equals))
                .map(NetInterface::name).findFirst();
    }

    /** When {@code end} is one end of a veth pair that could be cut (no bridge port in it), both ends' nodes together. */
    private void keepVeth(Endpoint end) {
        Optional<VethEnd> veth = vethEnd(end);
        if (veth.isEmpty() || veth.get().master().isPresent()) {
            return;
        }
        Endpoint peer = veth.get().peer();
        if (vethEnd(peer).filter(far -> far.master().isEmpty()).isPresent()) {
            join(end.node(), peer.node());
        }
    }

    private Optional<VethEnd> vethEnd(Endpoint end) {
        return lab.node(end.node()).flatMap(n -> n.netInterface(end.interfaceName()))
                .filter(VethEnd.class::isInstance).map(VethEnd.class::cast);
    }

    private void join(String a, String b) {
        groups.join(index.get(a), index.get(b));
    }
}
