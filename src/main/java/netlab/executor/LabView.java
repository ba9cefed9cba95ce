package netlab.executor;

import java.util.List;
import java.util.Optional;

/**
 * A lab as the kernel reports it now (never as its topology file says): what {@code netlab show}
 * prints. Texts are spelled as {@code ip} and {@code nft} print them, so they can be compared.
 *
 * @param lab the lab's name
 * @param broken interrupted while brought up or down: shown as far as it exists
 * @param notCompared why nothing could be compared with the lab's plan (its file is gone, say), so
 *     no link, address or neighbour is marked as made by hand
 * @param nodes the host first (when the lab made anything there), then each namespace in the
 *     order {@code up} created them
 */
public record LabView(String lab, boolean broken, Optional<String> notCompared, List<Node> nodes) {
    public LabView {
        nodes = List.copyOf(nodes);
    }

    /**
     * One namespace of the lab ("host" for the host's). In the host only what the lab made is
     * read: its interfaces, and the routes and permanent neighbours on them.
     *
     * @param sysctls the host sysctls the lab set, with their live values (the host only)
     * @param problems what could not be read: a namespace gone or replaced, a table gone
     */
    public record Node(String name, List<Interface> interfaces, List<Route> routes, List<Neighbour> neighbours,
            List<NatTable> tables, List<Sysctl> sysctls, List<String> problems) {
        public Node {
            interfaces = List.copyOf(interfaces);
            routes = List.copyOf(routes);
            neighbours = List.copyOf(neighbours);
            tables = List.copyOf(tables);
            sysctls = List.copyOf(sysctls);
            problems = List.copyOf(problems);
        }

        /** A node that cannot be read at all (its namespace is gone, or is not the lab's). */
        static Node unreadable(String name, String problem) {
            return new Node(name, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(problem));
        }

        Node withSysctls(List<Sysctl> next) {
            return new Node(name, interfaces, routes, neighbours, tables, next, problems);
        }
    }

    /**
     * A sysctl the lab set, and its value now (as {@code sysctl -n KEY} prints it).
     *
     * @param set the value the lab's plan sets; empty when only the record names the key (the file is gone)
     */
    public record Sysctl(String key, String value, Optional<String> set) {}

    /**
     * @param adminUp IFF_UP: set up by {@code ip link set up}
     * @param operState as {@code ip -br link} prints it: UP, DOWN, UNKNOWN, LOWERLAYERDOWN, ...
     * @param kind IFLA_INFO_KIND (veth, bridge, macvlan, ...); none for lo and other plain devices
     * @param master the bridge (or other master) the interface is a port of
     * @param peer a veth's other end, when it is in the lab
     * @param byHand not made by the lab: added since up
     * @param queue its root qdisc when it is one netlab installs (tbf or netem: an impair line), in tc's words
     */
    public record Interface(String name, int index, boolean adminUp, String operState, Optional<String> mac, int mtu,
            Optional<String> kind, Optional<String> master, Optional<Peer> peer, boolean byHand, List<Address> addresses,
            Optional<String> queue) {
        public Interface {
            addresses = List.copyOf(addresses);
        }
    }

    /** A veth's other end: the node it is in and its name there; written as expect statements name it. */
    public record Peer(String node, String name) {
        @Override
        public String toString() {
            return node + ":" + name;
        }
    }

    /**
     * @param scope global, link, host, ... as {@code ip addr} prints it
     * @param byHand not made by the lab (nor by the kernel for lo or a link-local address): added since up
     */
    public record Address(String address, int prefixLength, String scope, boolean byHand) {
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

        /**
         * Not the lab's: netlab adds its routes with protocol 211, the kernel its own (for an
         * address) with protocol kernel; anything else was added since up (ip route add: boot).
         */
        public boolean byHand() {
            return !protocol.equals("211") && !protocol.equals("kernel");
        }
    }

    /** A permanent neighbour entry; {@code byHand}: not one of the lab's. */
    public record Neighbour(String address, Optional<String> mac, String device, boolean byHand) {}

    /** One of the lab's nf_tables tables, with its rules in nft's syntax. */
    public record NatTable(String family, String name, List<Rule> rules) {
        public NatTable {
            rules = List.copyOf(rules);
        }
    }

    /** @param text the rule's expressions as {@code nft list table} prints them */
    public record Rule(String chain, long handle, String text) {}
}
