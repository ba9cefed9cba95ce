package netlab.topology.warnings;

import java.util.ArrayList;
import java.util.List;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * Two interfaces of one node on overlapping subnets: the node's routing table has two ways to
 * the same addresses, and replies leave by whichever route wins, often not the one meant.
 */
final class OverlappingSubnets {
    private OverlappingSubnets() {}

    static List<Warning> check(Lab lab) {
        List<Warning> warnings = new ArrayList<>();
        for (Node node : lab.nodes()) {
            List<NetInterface> interfaces = node.interfaces().stream()
                    .filter(i -> !(i instanceof NetInterface.Loopback)).toList();
            for (int later = 1; later < interfaces.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    overlap(node, interfaces.get(earlier), interfaces.get(later), warnings);
                }
            }
        }
        return warnings;
    }

    /** One warning per pair of interfaces, at the later one, naming the first overlap found. */
    private static void overlap(Node node, NetInterface earlier, NetInterface later, List<Warning> warnings) {
        for (Cidr b : later.addresses()) {
            for (Cidr a : earlier.addresses()) {
                Cidr first = a.network();
                Cidr second = b.network();
                if (a.isIpv4() == b.isIpv4() && !a.address().isLinkLocalAddress()
                        && (first.contains(second.address()) || second.contains(first.address()))) {
                    warnings.add(new Warning(later.source(), (node.isHost() ? "the host" : "node " + node.name()) + ": "
                            + later.name() + "'s subnet " + second + " overlaps " + earlier.name() + "'s " + first
                            + "; replies may leave by the other interface"));
                    return;
                }
            }
        }
    }
}
