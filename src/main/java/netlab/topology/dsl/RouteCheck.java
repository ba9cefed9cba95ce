package netlab.topology.dsl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.Source;

/**
 * A node's routes, checked as the kernel would check them when they are added, but before:
 * the gateway must be on a link (inside a prefix of one of the node's addresses, or of one of its
 * routes with {@code dev} and no {@code via}), on the route's {@code dev} when it names one,
 * unless the route says {@code onlink}; {@code src} must be an address of the node; and no two
 * routes may have the same destination and metric, nor repeat one the kernel adds for an address.
 */
final class RouteCheck {
    private RouteCheck() {}

    static void check(NodeDraft node, Problems problems) {
        PrefixSet onLink = new PrefixSet();
        Set<InetAddress> own = new HashSet<>();
        for (InterfaceDraft i : node.interfaces.values()) {
            for (Located<Cidr> address : i.addresses) {
                onLink.add(address.value(), i.name);
                own.add(address.value().address());
            }
        }
        for (Syntax.Route route : node.routes) {
            if (route.via().isEmpty() && route.dev().isPresent()) {
                onLink.add(route.destination().value(), route.dev().get().text());
            }
        }
        Map<String, String> connected = connectedRoutes(node);
        Map<String, Source> seen = new HashMap<>();
        for (Syntax.Route route : node.routes) {
            gateway(node, route, onLink, own, problems);
            route.src().ifPresent(src -> {
                if (!own.contains(src.value())) {
                    problems.add(src.source(), "src " + Addresses.format(src.value()) + " is not an address of node "
                            + Word.quote(node.name));
                }
            });
            Cidr destination = route.destination().value();
            // The kernel's default metrics: 0 for IPv4, 1024 for IPv6.
            int metric = route.metric().orElse(destination.isIpv4() ? 0 : 1024);
            String key = destination + " " + metric;
            Source first = seen.putIfAbsent(key, route.source());
            if (connected.containsKey(key)) {
                problems.add(route.destination().source(), "a route to " + destination + " with metric " + metric
                        + " comes with " + connected.get(key) + ": the kernel adds it, and refuses a second one (EEXIST); "
                        + "leave this one out, or give it another metric");
            } else if (first != null) {
                problems.add(route.destination().source(), "a route to " + destination + " with metric " + metric
                        + " is already defined at " + first);
            }
        }
    }

    /**
     * The routes the kernel adds for the node's addresses, in the main table, as "DEST METRIC",
     * each with the address that brings it. IPv4: the prefix of every address but a /32 and
     * those in 0.0.0.0/8, metric 0, not for lo (its prefix goes to the local table). IPv6: the
     * prefix of every address, a /128 included, metric 256 (IP6_RT_PRIO_ADDRCONF), lo included.
     * Measured on 6.18 (net/ipv4/fib_frontend.c fib_add_ifaddr, net/ipv6/addrconf.c).
     */
    private static Map<String, String> connectedRoutes(NodeDraft node) {
        Map<String, String> routes = new HashMap<>();
        for (InterfaceDraft i : node.interfaces.values()) {
            for (Located<Cidr> address : i.addresses) {
                Cidr cidr = address.value();
                boolean ipv4Prefix = cidr.isIpv4() && cidr.prefixLength() < 32 && i.kind != InterfaceDraft.Kind.LOOPBACK
                        && cidr.address().getAddress()[0] != 0;
                if (ipv4Prefix || !cidr.isIpv4()) {
                    routes.putIfAbsent(cidr.network() + " " + (cidr.isIpv4() ? 0 : 256),
                            "address " + cidr + " on " + Word.quote(i.name) + " (" + address.source() + ")");
                }
            }
        }
        return routes;
    }

    private static void gateway(NodeDraft node, Syntax.Route route, PrefixSet onLink, Set<InetAddress> own, Problems problems) {
        if (route.onlink() && route.dev().isEmpty()) {
            problems.add(route.source(), "'onlink' needs 'dev IF'");
        }
        if (route.via().isEmpty()) {
            return;
        }
        Located<InetAddress> via = route.via().get();
        String gateway = Addresses.format(via.value());
        String dev = route.dev().map(Word::text).orElse(null);
        if (own.contains(via.value())) {
            problems.add(via.source(), "gateway " + gateway + " is an address of node " + Word.quote(node.name) + " itself");
        } else if (isLinkLocal(via.value())) {
            if (dev == null) {
                problems.add(via.source(), "link-local gateway " + gateway + " needs 'dev IF'");
            }
        } else if (!route.onlink() && !onLink.covers(via.value(), dev)) {
            problems.add(via.source(), "gateway " + gateway + " is not reachable from node " + Word.quote(node.name)
                    + (dev == null ? "" : " on " + Word.quote(dev))
                    + ": no address or 'dev' route covers it (add a route like 'route " + gateway + " dev IF', or 'onlink')");
        }
    }

    /** fe80::/10: on every link; the kernel takes it as a gateway with any dev. */
    private static boolean isLinkLocal(InetAddress address) {
        return !(address instanceof Inet4Address) && address.isLinkLocalAddress();
    }
}
