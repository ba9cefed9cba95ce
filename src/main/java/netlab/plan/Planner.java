package netlab.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import netlab.topology.Endpoint;
import netlab.topology.Impairment;
import netlab.topology.Lab;
import netlab.topology.Macs;
import netlab.topology.Mtus;
import netlab.topology.NatRule;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.Bridge;
import netlab.topology.NetInterface.Loopback;
import netlab.topology.NetInterface.Macvlan;
import netlab.topology.NetInterface.VethEnd;
import netlab.topology.NetInterface.Vxlan;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.Source;

/**
 * Turns a resolved lab into the ordered operations that build it. Pure and deterministic: the
 * same lab always gives the same plan, and nothing here touches the kernel.
 *
 * <p>The order follows what each step needs: namespaces, the lab's hosts file and each node's
 * names (its host name, its /etc/netns/NODE/hosts), then bridges (ports are enslaved when
 * their veth is created), veth pairs (each made once, in place, with a bridge port on the
 * bridge's side), macvlans (their parent exists by then), vxlans (their underlay exists by then,
 * a port enslaved at once), MTUs (bridges', veth ends', lo's, macvlans', vxlans', in that order:
 * see {@link Mtus}), sysctls (some name interfaces), IPv6 link-local
 * generation off where the kernel's own is not wanted (before the links come up; see
 * {@link LinkLocals}), links up, addresses (netlab's link-local one first), neighbours, device
 * routes before gateway routes, impaired interfaces' qdiscs, NAT, and loss tables last. Every
 * interface it creates gets a MAC address of netlab's choosing ({@link Macs}).
 */
public final class Planner {
    private Planner() {}

    public static Plan plan(Lab lab) {
        Macs macs = Macs.of(lab);
        List<Operation> steps = new ArrayList<>();
        for (Node node : lab.namespaces()) {
            steps.add(new Operation.CreateNamespace(node.name(), node.source()));
        }
        if (!lab.namespaces().isEmpty()) {
            steps.add(new Operation.WriteHosts(Node.HOST, lab.name(), HostsFile.lines(lab), lab.namespaces().getFirst().source()));
        }
        for (Node node : lab.namespaces()) {
            steps.add(new Operation.NameNode(node.name(), lab.name(), node.source()));
        }
        forEachInterface(lab, (node, i) -> {
            if (i instanceof Bridge bridge) {
                steps.add(new Operation.CreateBridge(node.name(), bridge.name(), macs.mac(node.name(), bridge.name()),
                        bridge.source()));
            }
        });
        forEachInterface(lab, (node, i) -> {
            if (i instanceof VethEnd end && end.creator()) {
                steps.add(createVeth(lab, node, end, macs));
            }
        });
        forEachInterface(lab, (node, i) -> {
            if (i instanceof Macvlan macvlan) {
                steps.add(new Operation.CreateMacvlan(macvlan.parent().node(), macvlan.parent().interfaceName(),
                        macvlan.name(), macs.mac(node.name(), macvlan.name()), macvlan.mode(), node.name(),
                        macvlan.source()));
            }
        });
        forEachInterface(lab, (node, i) -> {
            if (i instanceof Vxlan vxlan) {
                steps.add(new Operation.CreateVxlan(node.name(), vxlan.name(), macs.mac(node.name(), vxlan.name()),
                        vxlan.vni(), vxlan.remote(), vxlan.local(), vxlan.underlay(), vxlan.machine(), vxlan.port(),
                        vxlan.master(), vxlan.source()));
                // The first far end is the vxlan's own remote; changing that remote later would
                // drop these entries with it (the kernel replaces the all-zero entry as a whole).
                vxlan.remotes().stream().skip(1).forEach(remote -> steps.add(
                        new Operation.AddFloodEntry(node.name(), vxlan.name(), remote, vxlan.source())));
            }
        });
        Mtus mtus = Mtus.of(lab);
        // Bridges, then veth ends, then macvlans, then vxlans: so each MTU is the one Mtus derives
        // from the file. A vxlan's is always set: the kernel sized it from its underlay's at creation.
        for (Class<?> kind : List.of(Bridge.class, VethEnd.class, Loopback.class, Macvlan.class, Vxlan.class)) {
            forEachInterface(lab, (node, i) -> {
                if (kind.isInstance(i)) {
                    OptionalInt mtu = i instanceof Vxlan ? mtus.mtu(new Endpoint(node.name(), i.name())) : i.mtu();
                    mtu.ifPresent(value -> steps.add(new Operation.SetMtu(node.name(), i.name(), value, i.source())));
                }
            });
        }
        for (Node node : lab.nodes()) {
            node.sysctls().forEach(s -> steps.add(new Operation.SetSysctl(node.name(), s.key(), s.value(), s.source())));
        }
        forEachInterface(lab, (node, i) -> {
            if (LinkLocals.kernelMakesNone(mtus, node, i)) {
                steps.add(new Operation.DisableIpv6LinkLocal(node.name(), i.name(), i.source()));
            }
        });
        forEachInterface(lab, (node, i) -> {
            if (!(node.isHost() && i instanceof Loopback)) { // the host's lo is not the lab's
                steps.add(new Operation.SetUp(node.name(), i.name(), i.source()));
            }
        });
        forEachInterface(lab, (node, i) -> {
            LinkLocals.of(mtus, node, i, macs).ifPresent(
                    address -> steps.add(new Operation.AddAddress(node.name(), i.name(), address, i.source())));
            i.addresses().forEach(
                    address -> steps.add(new Operation.AddAddress(node.name(), i.name(), address, i.source())));
        });
        for (Node node : lab.nodes()) {
            node.neighbours().forEach(n -> steps.add(new Operation.AddNeighbour(node.name(), n.address(), n.dev(),
                    n.lladdr().orElseGet(() -> peerMac(node, n.dev(), macs)), n.source())));
        }
        for (Node node : lab.nodes()) {
            routesInOrder(node).forEach(r -> steps.add(new Operation.AddRoute(node.name(), r, r.source())));
        }
        for (Node node : lab.nodes()) {
            for (Impairment impairment : node.impairments()) {
                OptionalInt mtu = mtus.mtu(new Endpoint(node.name(), impairment.interfaceName()));
                ImpairmentQueues.of(impairment, mtu).ifPresent(qdisc -> steps.add(new Operation.SetQdisc(node.name(),
                        impairment.interfaceName(), qdisc, impairment.source())));
            }
        }
        for (Node node : lab.nodes()) {
            steps.addAll(nat(lab, node));
        }
        steps.addAll(loss(lab));
        return new Plan(lab.name(), steps);
    }

    /** A bridge port is created from the bridge's side, so the same request enslaves it. */
    private static Operation createVeth(Lab lab, Node node, VethEnd creator, Macs macs) {
        Node peerNode = lab.node(creator.peer().node()).orElseThrow();
        VethEnd peer = (VethEnd) peerNode.netInterface(creator.peer().interfaceName()).orElseThrow();
        String creatorMac = macs.mac(node.name(), creator.name());
        String peerMac = macs.mac(peerNode.name(), peer.name());
        if (peer.master().isPresent()) {
            return new Operation.CreateVeth(peerNode.name(), peer.name(), peerMac, peer.master(), node.name(),
                    creator.name(), creatorMac, creator.source());
        }
        return new Operation.CreateVeth(node.name(), creator.name(), creatorMac, Optional.empty(), peerNode.name(),
                peer.name(), peerMac, creator.source());
    }

    /** {@code lladdr peer}: the MAC netlab gives the far end of {@code dev}, a veth end (the resolver checked). */
    private static String peerMac(Node node, String dev, Macs macs) {
        VethEnd end = (VethEnd) node.netInterface(dev).orElseThrow();
        return macs.mac(end.peer().node(), end.peer().interfaceName());
    }

    /** Routes through a device first: a gateway route may need one to reach its gateway. */
    private static List<Route> routesInOrder(Node node) {
        List<Route> ordered = new ArrayList<>(node.routes().stream().filter(r -> r.via().isEmpty()).toList());
        ordered.addAll(node.routes().stream().filter(r -> r.via().isPresent()).toList());
        return ordered;
    }

    /** One table per address family in the node, named after the lab, holding its NAT rules. */
    private static List<Operation> nat(Lab lab, Node node) {
        Map<String, List<NatRule>> byFamily = new TreeMap<>();
        for (NatRule rule : node.nat()) {
            byFamily.computeIfAbsent(isIpv4(rule) ? "ip" : "ip6", family -> new ArrayList<>()).add(rule);
        }
        List<Operation> steps = new ArrayList<>();
        byFamily.forEach((family, rules) -> steps.add(new Operation.ApplyNat(
                node.name(), family, Plan.tableName(lab.name()), rules, rules.getFirst().source())));
        return steps;
    }

    /**
     * Loss is dropped as frames arrive at the far end of each lossy veth (silent to the sender, as
     * on a wire): one netdev table per node holding such far ends, named as the NAT tables, with a
     * chain for each, in the order of the lossy lines.
     */
    private static List<Operation> loss(Lab lab) {
        Map<String, List<LossRule>> byNode = new LinkedHashMap<>();
        Map<String, Source> firstLine = new LinkedHashMap<>();
        for (Node node : lab.nodes()) {
            for (Impairment impairment : node.impairments()) {
                if (impairment.lossHundredthsOfPercent().isEmpty()) {
                    continue;
                }
                // The resolver allows loss on veth ends only.
                Endpoint far = ((VethEnd) node.netInterface(impairment.interfaceName()).orElseThrow()).peer();
                byNode.computeIfAbsent(far.node(), n -> new ArrayList<>())
                        .add(new LossRule(far.interfaceName(), impairment.lossHundredthsOfPercent().getAsInt()));
                firstLine.putIfAbsent(far.node(), impairment.source());
            }
        }
        List<Operation> steps = new ArrayList<>();
        byNode.forEach((node, rules) -> steps.add(
                new Operation.ApplyLoss(node, Plan.tableName(lab.name()), rules, firstLine.get(node))));
        return steps;
    }

    private static boolean isIpv4(NatRule rule) {
        if (rule.snatTo().isPresent()) {
            return rule.snatTo().get() instanceof java.net.Inet4Address;
        }
        return rule.src().or(rule::dst).map(c -> c.isIpv4()).orElse(true);
    }

    private interface InterfaceVisitor {
        void visit(Node node, NetInterface netInterface);
    }

    private static void forEachInterface(Lab lab, InterfaceVisitor visitor) {
        for (Node node : lab.nodes()) {
            node.interfaces().forEach(i -> visitor.visit(node, i));
        }
    }
}
