package netlab.topology.warnings;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NatRule;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Route;

/**
 * A node next to a router of the lab (a node on one of its subnets that forwards) with no route
 * to a subnet on the router's other side: the router would carry the packets, but the node has
 * nowhere to send them. A subnet the router translates on the way to the node (a masquerade or
 * snat of any part of it, out of the router's interface on the node's side or out of any) is left
 * out: a private network behind NAT is meant to be unreachable from outside. So is the host (its
 * routes are the machine's, which the file does not show), and so is a lab of separate networks
 * with no router between them, which means to be separate.
 */
final class MissingRoutes {
    private MissingRoutes() {}

    static List<Warning> check(Lab lab) {
        // Each node's subnets and addressed interfaces, and the routers, found once: asked per
        // node, they made a check of star-2000 (a host with 2,000 bridge ports) quadratic.
        Facts v4 = new Facts(lab, true);
        Facts v6 = new Facts(lab, false);
        List<Warning> warnings = new ArrayList<>();
        for (Node node : lab.nodes()) {
            if (node.isHost()) {
                continue;
            }
            for (Facts facts : List.of(v4, v6)) {
                Set<Cidr> warned = new LinkedHashSet<>();
                for (Cidr own : facts.subnets(node)) {
                    for (Node router : facts.routers) {
                        if (router == node) {
                            continue;
                        }
                        NetInterface side = interfaceOn(facts.addressed(router), own);
                        if (side == null) {
                            continue;
                        }
                        Cidr gateway = side.addresses().stream().filter(a -> own.contains(a.address())).findFirst().orElseThrow();
                        for (Cidr beyond : facts.subnets(router)) {
                            if (beyond.equals(own) || reaches(node, facts.subnets(node), beyond)
                                    || translates(router, beyond, side) || !warned.add(beyond)) {
                                continue;
                            }
                            String via = gateway.address().getHostAddress();
                            warnings.add(new Warning(node.source(), "node " + node.name() + " has no route to " + beyond
                                    + ", which " + (router.isHost() ? "the host" : "node " + router.name())
                                    + " forwards to from " + own + ": add 'route " + beyond + " via " + via
                                    + "' or 'route default via " + via + "' to it"));
                        }
                    }
                }
            }
        }
        return warnings;
    }

    /** What the check asks of every node, for one address family. */
    private static final class Facts {
        final List<Node> routers;
        private final Map<Node, Set<Cidr>> subnets = new IdentityHashMap<>();
        private final Map<Node, List<NetInterface>> addressed = new IdentityHashMap<>();

        Facts(Lab lab, boolean ipv4) {
            routers = lab.nodes().stream().filter(router -> Forwarding.forwards(router, ipv4)).toList();
            for (Node node : lab.nodes()) {
                subnets.put(node, MissingRoutes.subnets(node, ipv4));
                addressed.put(node, node.interfaces().stream()
                        .filter(i -> !(i instanceof NetInterface.Loopback) && !i.addresses().isEmpty()).toList());
            }
        }

        Set<Cidr> subnets(Node node) {
            return subnets.get(node);
        }

        List<NetInterface> addressed(Node node) {
            return addressed.get(node);
        }
    }

    /** The subnets of a node's interfaces (not lo), each once. */
    private static Set<Cidr> subnets(Node node, boolean ipv4) {
        Set<Cidr> subnets = new LinkedHashSet<>();
        for (NetInterface i : node.interfaces()) {
            if (!(i instanceof NetInterface.Loopback)) {
                VethSubnets.family(i.addresses(), ipv4).forEach(address -> subnets.add(address.network()));
            }
        }
        return subnets;
    }

    /** Of a router's addressed interfaces (not lo), the one with an address on {@code subnet}, or null. */
    private static NetInterface interfaceOn(List<NetInterface> addressed, Cidr subnet) {
        for (NetInterface i : addressed) {
            for (Cidr address : i.addresses()) {
                if (subnet.contains(address.address())
                        && address.prefixLength() == subnet.prefixLength()) {
                    return i;
                }
            }
        }
        return null;
    }

    /** A route of the node (or one of its own subnets, {@code own}) covers all of {@code subnet}. */
    private static boolean reaches(Node node, Set<Cidr> own, Cidr subnet) {
        for (Route route : node.routes()) {
            if (covers(route.destination(), subnet)) {
                return true;
            }
        }
        return own.stream().anyMatch(mine -> covers(mine, subnet));
    }

    /** The router translates sources in (part of) {@code subnet} leaving through {@code side}. */
    private static boolean translates(Node router, Cidr subnet, NetInterface side) {
        for (NatRule rule : router.nat()) {
            boolean outSide = rule.out().isEmpty() || rule.out().get().equals(side.name());
            boolean ofSubnet = rule.src().isEmpty() || covers(rule.src().get(), subnet) || covers(subnet, rule.src().get());
            if (outSide && ofSubnet) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(Cidr outer, Cidr inner) {
        return outer.isIpv4() == inner.isIpv4() && outer.prefixLength() <= inner.prefixLength()
                && outer.contains(inner.address());
    }
}
