package netlab.plan;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import netlab.topology.Cidr;
import netlab.topology.NatRule;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Route;
import netlab.topology.Source;

/**
 * One step of a plan, as data: a change to make in one namespace ({@link #node()}, or
 * {@code host}), and the statement of the topology file it comes from. Everything else about a
 * kind of step (its {@code ip}/{@code nft} line, its requests, what it creates and how that is
 * undone) lives in the executor's step class for it, one class per record here.
 */
public sealed interface Operation {
    String node();

    /** The statement of the topology file this step comes from. */
    Source source();

    /** A named network namespace. */
    record CreateNamespace(String node, Source source) implements Operation {}

    /**
     * The lab's hosts file ({@link HostsFile}), kept with its record; {@code node} is the host,
     * where the file is written.
     */
    record WriteHosts(String node, String lab, List<String> lines, Source source) implements Operation {
        public WriteHosts {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The node's names: a UTS namespace of its own with the node's name as host name, and
     * /etc/netns/NODE/hosts linking to the lab's hosts file.
     */
    record NameNode(String node, String lab, Source source) implements Operation {}

    /** A bridge with the MAC address netlab chose for it. */
    record CreateBridge(String node, String name, String mac, Source source) implements Operation {}

    /**
     * A veth pair made in one request: {@code name} here (a port of {@code master} if given),
     * {@code peerName} created directly in {@code peerNode}; each end with its chosen MAC.
     */
    record CreateVeth(String node, String name, String mac, Optional<String> master, String peerNode,
            String peerName, String peerMac, Source source) implements Operation {}

    /** A macvlan on {@code parent} (an interface of {@code node}), created directly in {@code targetNode}. */
    record CreateMacvlan(String node, String parent, String name, String mac, MacvlanMode mode, String targetNode,
            Source source) implements Operation {}

    /**
     * A vxlan made in {@code node} to its first remote (the others get flooding entries, {@link
     * AddFloodEntry}), over {@code underlay} when the file gives {@code local}, a port of
     * {@code master} if given. Its UDP socket is the node's, or with {@code machine} the host's:
     * then the host makes it, directly in the node.
     */
    record CreateVxlan(String node, String name, String mac, int vni, InetAddress remote, Optional<InetAddress> local,
            Optional<String> underlay, boolean machine, int port, Optional<String> master, Source source)
            implements Operation {}

    /** One more far end of a vxlan with several: an all-zero forwarding entry towards {@code remote}. */
    record AddFloodEntry(String node, String interfaceName, InetAddress remote, Source source) implements Operation {}

    record SetMtu(String node, String interfaceName, int mtu, Source source) implements Operation {}

    /** A {@code net.*} sysctl of the node's namespace. */
    record SetSysctl(String node, String key, String value, Source source) implements Operation {}

    /**
     * The kernel makes no IPv6 link-local address on the interface once it is up: on an
     * interface without IPv6 in the file there is none, on a router's IPv6 interface netlab adds
     * its own without duplicate address detection (an {@link AddAddress}; see {@code LinkLocals}).
     * A step of its own, before the interface comes up: in one request the kernel would bring the
     * link up first.
     */
    record DisableIpv6LinkLocal(String node, String interfaceName, Source source) implements Operation {}

    record SetUp(String node, String interfaceName, Source source) implements Operation {}

    record AddAddress(String node, String interfaceName, Cidr address, Source source) implements Operation {}

    /** A permanent neighbour entry; {@code lladdr peer} is resolved to the peer's MAC when planning. */
    record AddNeighbour(String node, InetAddress address, String dev, String lladdr, Source source)
            implements Operation {}

    record AddRoute(String node, Route route, Source source) implements Operation {}

    /**
     * The lab's own nf_tables table of one family ({@code ip} or {@code ip6}) in this node, with
     * a NAT postrouting chain holding the rules, made in one transaction.
     */
    record ApplyNat(String node, String family, String table, List<NatRule> rules, Source source)
            implements Operation {
        public ApplyNat {
            rules = List.copyOf(rules);
        }
    }

    /** An impaired interface's root qdisc ({@code impair} with a rate or a delay). */
    record SetQdisc(String node, String interfaceName, Qdisc qdisc, Source source) implements Operation {}

    /**
     * The lab's own nf_tables table of family {@code netdev} in this node (the NAT tables, of
     * families ip and ip6, have the same name), with one egress chain per lossy interface, made in
     * one transaction.
     */
    record ApplyLoss(String node, String table, List<LossRule> rules, Source source) implements Operation {
        public ApplyLoss {
            rules = List.copyOf(rules);
        }
    }
}
