package netlab.topology.warnings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/** The two ends of a veth with addresses of one family, none of them on the other's subnet: no ping crosses. */
final class VethSubnets {
    private VethSubnets() {}

    static List<Warning> check(Lab lab) {
        List<Warning> warnings = new ArrayList<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (!(i instanceof NetInterface.VethEnd end) || !end.creator()) {
                    continue; // each veth once, at the end whose link statement made it
                }
                Optional<NetInterface> peer = lab.node(end.peer().node()).flatMap(n -> n.netInterface(end.peer().interfaceName()));
                if (peer.isEmpty()) {
                    continue;
                }
                for (boolean ipv4 : new boolean[] {true, false}) {
                    List<Cidr> ours = family(end.addresses(), ipv4);
                    List<Cidr> theirs = family(peer.get().addresses(), ipv4);
                    if (!ours.isEmpty() && !theirs.isEmpty() && !shareASubnet(ours, theirs)) {
                        warnings.add(new Warning(end.source(), "the ends of the veth " + node.name() + ":" + end.name()
                                + " - " + end.peer() + " are in different subnets (" + join(ours) + " and "
                                + join(theirs) + "): neither end reaches the other"));
                    }
                }
            }
        }
        return warnings;
    }

    static List<Cidr> family(List<Cidr> addresses, boolean ipv4) {
        return addresses.stream().filter(a -> a.isIpv4() == ipv4 && !a.address().isLinkLocalAddress()).toList();
    }

    private static boolean shareASubnet(List<Cidr> ours, List<Cidr> theirs) {
        for (Cidr a : ours) {
            for (Cidr b : theirs) {
                if (a.contains(b.address()) || b.contains(a.address())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String join(List<Cidr> addresses) {
        return String.join(", ", addresses.stream().map(Cidr::toString).toList());
    }
}
