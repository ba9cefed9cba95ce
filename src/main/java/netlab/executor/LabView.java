package netlab.executor;

import java.util.List;
import java.util.Optional;

/**
 * A lab as the kernel reports it now (never as its topology file says): what {@code netlab show}
 * prints. Texts are spelled as {@code ip} and {@code nft} print them, so they can be compared.
 *
 * @param lab the lab's name
 * @param nodes the host first (when the lab made anything there), then each namespace in the
 *     order {@code up} created them
 */
public record LabView(String lab, List<Node> nodes) {
    public LabView {
        nodes = List.copyOf(nodes);
    }

    /**
     * One namespace of the lab ("host" for the host's). In the host only what the lab made is
     * read: its interfaces, and the routes and permanent neighbours on them.
     */
    public record Node(String name, List<Interface> interfaces, List<Route> routes, List<Neighbour> neighbours,
            List<NatTable> tables) {
        public Node {
            interfaces = List.copyOf(interfaces);
            routes = List.copyOf(routes);
            neighbours = List.copyOf(neighbours);
            tables = List.copyOf(tables);
        }
    }

    /**
     * @param adminUp IFF_UP: set up by {@code ip link set up}
     * @param operState as {@code ip -br link} prints it: UP, DOWN, UNKNOWN, LOWERLAYERDOWN, ...
     * @param kind IFLA_INFO_KIND (veth, bridge, macvlan, ...); none for lo and other plain devices
     * @param master the bridge (or other master) the interface is a port of
     */
    public record Interface(String name, int index, boolean adminUp, String operState, Optional<String> mac, int mtu,
            Optional<String> kind, Optional<String> master, List<Address> addresses) {
        public Interface {
            addresses = List.copyOf(addresses);
        }
    }

    /** @param scope global, link, host, ... as {@code ip addr} prints it */
    public record Address(String address, int prefixLength, String scope) {
        @Override
        public String toString() {
            return address + "/" + prefixLength;
        }
    }

    /**
     * A route of the main table, its fields as {@code ip -j route} names them.
     *
     * @param family "inet" or "inet6"
     * @param type empty for a unicast route; otherwise local, broadcast, unreachable, ...
     * @param destination "default", an address (a host route) or a prefix
     * @param protocol as {@code ip} prints it: kernel, boot, static, ..., or the number
     * @param scope global, link, host, ... (ip leaves out "global")
     * @param flags onlink, linkdown, ...
     * @param preference an IPv6 route's router preference (RTA_PREF): low, medium, high
     */
    public record Route(String family, Optional<String> type, String destination, Optional<String> gateway,
            Optional<String> device, String protocol, String scope, Optional<String> preferredSource,
            Optional<Integer> metric, List<String> flags, Optional<String> preference) {
        public Route {
            flags = List.copyOf(flags);
        }
    }

    /** A permanent neighbour entry. */
    public record Neighbour(String address, Optional<String> mac, String device) {}

    /** One of the lab's nf_tables tables, with its rules in nft's syntax. */
    public record NatTable(String family, String name, List<Rule> rules) {
        public NatTable {
            rules = List.copyOf(rules);
        }
    }

    /** @param text the rule's expressions as {@code nft list table} prints them */
    public record Rule(String chain, long handle, String text) {}
}
