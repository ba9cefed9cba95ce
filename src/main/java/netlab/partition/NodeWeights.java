package netlab.partition;

import java.util.Optional;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * What a node costs the machine it runs on, counted in things netlab makes: the namespace, each
 * interface, address, route, neighbour entry, sysctl, NAT rule and impairment. A bridge port is
 * charged to the node at the far end of its veth, not to the bridge's node: the pair is made on
 * the machine of that far node, in its copy of the bridge.
 */
final class NodeWeights {
    private NodeWeights() {}

    static int of(Lab lab, Node node) {
        int weight = 1 + node.routes().size() + node.neighbours().size() + node.sysctls().size() + node.nat().size()
                + node.impairments().size();
        for (NetInterface i : node.interfaces()) {
            weight += i.addresses().size();
            if (i instanceof NetInterface.VethEnd end) {
                boolean port = end.master().isPresent();
                boolean peerIsPort = bridgeOf(lab, end.peer()).isPresent();
                if (!port) {
                    weight += peerIsPort ? 2 : 1;
                } else if (peerIsPort) {
                    weight += 1; // a link between two bridges: each side's port stays with its bridge
                }
            } else {
                weight += 1;
            }
        }
        return weight;
    }

    /** The bridge whose port {@code end} is, if it is one. */
    static Optional<String> bridgeOf(Lab lab, Endpoint end) {
        return lab.node(end.node()).flatMap(n -> n.netInterface(end.interfaceName()))
                .flatMap(i -> i instanceof NetInterface.VethEnd v ? v.master() : Optional.empty());
    }
}
