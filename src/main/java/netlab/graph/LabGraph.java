package netlab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.executor.LabView;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * Builds the picture of a lab. The file gives its shape (which veth ends pair, which bridge an
 * end is a port of, a macvlan's parent, a vxlan's far end); the facts give what each end carries. A veth end that is
 * a bridge port meets the bridge, not its node, so a star's nodes all meet at one box.
 */
public final class LabGraph {
    private final Lab lab;
    private final LabFacts facts;
    private final List<Graph.Vertex> vertices = new ArrayList<>();
    private final List<Graph.Edge> edges = new ArrayList<>();

    private LabGraph(Lab lab, LabFacts facts) {
        this.lab = lab;
        this.facts = facts;
    }

    /** The lab a topology file describes: what {@code up} would make. */
    public static Graph planned(Lab lab) {
        return new LabGraph(lab, new PlannedFacts(lab)).build();
    }

    /**
     * A running lab: the file's shape with the kernel's addresses, NAT rules and any interface
     * the file does not have (added by hand).
     */
    public static Graph running(Lab lab, LabView view) {
        return new LabGraph(lab.named(view.lab()), new KernelFacts(lab, view)).build();
    }

    private Graph build() {
        for (Node node : lab.nodes()) {
            int first = vertices.size(); // the node's box goes before its bridges, which its loop adds
            List<String> lines = new ArrayList<>(facts.nat(node.name()));
            for (NetInterface i : node.interfaces()) {
                switch (i) {
                    case NetInterface.Loopback lo -> lines.addAll(ends(node.name(), lo.name(), false));
                    case NetInterface.Bridge bridge -> bridge(node, bridge);
                    case NetInterface.VethEnd end -> veth(node, end);
                    case NetInterface.Macvlan macvlan -> macvlan(node, macvlan);
                    case NetInterface.Vxlan vxlan -> lines.addAll(vxlan(node, vxlan));
                }
            }
            lines.addAll(facts.others(node.name()));
            vertices.add(first, new Graph.Vertex(node.name(),
                    node.isHost() ? Graph.Shape.HOST : Graph.Shape.NAMESPACE, node.name(), lines));
        }
        return new Graph(lab.name(), vertices, edges);
    }

    private void bridge(Node node, NetInterface.Bridge bridge) {
        String id = node.name() + ":" + bridge.name();
        vertices.add(new Graph.Vertex(id, Graph.Shape.BRIDGE, bridge.name(), facts.addresses(node.name(), bridge.name())));
        edges.add(new Graph.Edge(node.name(), id, Graph.Style.BRIDGE_OF, List.of(), List.of(), ""));
    }

    /** A pair is drawn once, from the end its link statement names. */
    private void veth(Node node, NetInterface.VethEnd end) {
        if (!end.creator()) {
            return;
        }
        Endpoint peer = end.peer();
        Optional<NetInterface> other = lab.node(peer.node()).flatMap(n -> n.netInterface(peer.interfaceName()));
        String to = other.map(o -> attachedTo(peer.node(), o)).orElse(peer.node());
        edges.add(new Graph.Edge(attachedTo(node.name(), end), to, Graph.Style.VETH, ends(node.name(), end.name(), true),
                ends(peer.node(), peer.interfaceName(), true), ""));
    }

    private void macvlan(Node node, NetInterface.Macvlan macvlan) {
        Endpoint parent = macvlan.parent();
        Optional<NetInterface> parentInterface = lab.node(parent.node()).flatMap(n -> n.netInterface(parent.interfaceName()));
        // A bridge parent is its own box; any other parent is named at its node's end of the line.
        boolean bridgeParent = parentInterface.orElse(null) instanceof NetInterface.Bridge;
        String from = bridgeParent ? parent.node() + ":" + parent.interfaceName() : parent.node();
        edges.add(new Graph.Edge(from, node.name(), Graph.Style.MACVLAN,
                bridgeParent ? List.of() : List.of(parent.interfaceName()), ends(node.name(), macvlan.name(), true),
                "macvlan " + macvlan.mode().keyword()));
    }

    /** A tunnel is a line of its node's box: its far end may be anywhere, in the lab or not. */
    private List<String> vxlan(Node node, NetInterface.Vxlan vxlan) {
        List<String> lines = new ArrayList<>(List.of(vxlan.name() + " vxlan " + vxlan.vni() + " to "
                + String.join(", ", vxlan.remotes().stream().map(netlab.topology.Addresses::format).toList()) + vxlan.master().map(m -> " in " + m).orElse("")));
        lines.addAll(facts.addresses(node.name(), vxlan.name()));
        return lines;
    }

    /** The box a veth end meets: its bridge when it is a port of one, else its node. */
    private static String attachedTo(String node, NetInterface end) {
        if (end instanceof NetInterface.VethEnd veth && veth.master().isPresent()) {
            return node + ":" + veth.master().get();
        }
        return node;
    }

    /**
     * An interface and its addresses: "eth0", then one address a line, then its impairment;
     * nothing for an empty lo.
     */
    private List<String> ends(String node, String interfaceName, boolean always) {
        List<String> addresses = facts.addresses(node, interfaceName);
        if (addresses.isEmpty() && !always) {
            return List.of();
        }
        if (!always) {
            return List.of(interfaceName + " " + String.join(" ", addresses));
        }
        List<String> lines = new ArrayList<>(List.of(interfaceName));
        lines.addAll(addresses);
        lines.addAll(facts.impairment(node, interfaceName));
        return lines;
    }
}
