package netlab.plan;

import java.util.List;
import java.util.Optional;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.NatRule;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.Source;

/**
 * One step of a plan: a change the executor makes in one namespace ({@link #node()}, or
 * {@code host}). {@link #render()} is a stable one-line text close to the {@code ip}/{@code nft}
 * command that does the same, for {@code netlab plan} and the golden tests.
 */
public sealed interface Operation {
    String node();

    /** The statement of the topology file this step comes from. */
    Source source();

    String render();

    /** {@code ip} or {@code ip -n NODE}: where a command of this step runs. */
    private static String ip(String node) {
        return Node.HOST.equals(node) ? "ip" : "ip -n " + node;
    }

    /**
     * The {@code netns} argument that moves a new link into {@code node}. The host namespace has
     * no name under /run/netns; ip takes a PID there, and PID 1 lives in the host's namespace.
     */
    private static String netns(String node) {
        return " netns " + (Node.HOST.equals(node) ? "1" : node);
    }

    /** Equivalent to: {@code ip netns add NODE}. */
    record CreateNamespace(String node, Source source) implements Operation {
        @Override
        public String render() {
            return "ip netns add " + node;
        }
    }

    /** Equivalent to: {@code ip link add BR type bridge}. */
    record CreateBridge(String node, String name, Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " link add " + name + " type bridge";
        }
    }

    /**
     * A veth pair made in one request: {@code name} here (enslaved to {@code master} if any),
     * {@code peerName} created directly in {@code peerNode}.
     */
    record CreateVeth(String node, String name, String peerNode, String peerName, Optional<String> master,
            Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " link add " + name + master.map(m -> " master " + m).orElse("")
                    + " type veth peer name " + peerName + (peerNode.equals(node) ? "" : netns(peerNode));
        }
    }

    /** A macvlan on {@code parent} (in this node), created directly in {@code targetNode}. */
    record CreateMacvlan(String node, String name, String parent, MacvlanMode mode, String targetNode,
            Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " link add " + name + " link " + parent + " type macvlan mode " + mode.keyword()
                    + (targetNode.equals(node) ? "" : netns(targetNode));
        }
    }

    record SetMtu(String node, String interfaceName, int mtu, Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " link set " + interfaceName + " mtu " + mtu;
        }
    }

    /** Equivalent to: {@code sysctl -w KEY=VALUE} in the node. */
    record SetSysctl(String node, String key, String value, Source source) implements Operation {
        @Override
        public String render() {
            return (Node.HOST.equals(node) ? "" : "ip netns exec " + node + " ") + "sysctl -w " + key + "=" + value;
        }
    }

    /**
     * In a lab without any IPv6: no IPv6 link-local address once the interface is up, so it stays
     * silent instead of multicasting solicitations to every port of a bridge. A step of its own,
     * before the interface comes up: in one request the kernel would bring the link up first.
     */
    record DisableIpv6LinkLocal(String node, String interfaceName, Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " link set " + interfaceName + " addrgenmode none";
        }
    }

    record SetUp(String node, String interfaceName, Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " link set " + interfaceName + " up";
        }
    }

    /** IPv6 addresses are added without duplicate address detection, so they work at once. */
    record AddAddress(String node, String interfaceName, Cidr address, Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " addr add " + address + " dev " + interfaceName + (address.isIpv4() ? "" : " nodad");
        }
    }

    /** A permanent entry; an empty {@code lladdr} means "the MAC of the device's veth peer". */
    record AddNeighbour(String node, java.net.InetAddress address, String dev, Optional<String> lladdr,
            Source source) implements Operation {
        @Override
        public String render() {
            return ip(node) + " neigh add " + Addresses.format(address) + " lladdr "
                    + lladdr.orElse("<mac of " + dev + "'s peer>") + " dev " + dev + " nud permanent";
        }
    }

    record AddRoute(String node, Route route, Source source) implements Operation {
        @Override
        public String render() {
            StringBuilder text = new StringBuilder(ip(node)).append(" route add ")
                    .append(route.isDefault() ? "default" : route.destination().toString());
            route.via().ifPresent(via -> text.append(" via ").append(Addresses.format(via)));
            route.dev().ifPresent(dev -> text.append(" dev ").append(dev));
            if (route.onlink()) {
                text.append(" onlink");
            }
            route.metric().ifPresent(metric -> text.append(" metric ").append(metric));
            route.src().ifPresent(src -> text.append(" src ").append(Addresses.format(src)));
            return text.toString();
        }
    }

    /**
     * The lab's own nf_tables table in this node, with a NAT postrouting chain holding the rules,
     * made in one transaction.
     */
    record ApplyNat(String node, String family, String table, List<NatRule> rules, Source source)
            implements Operation {
        public ApplyNat {
            rules = List.copyOf(rules);
        }

        @Override
        public String render() {
            StringBuilder text = new StringBuilder(Node.HOST.equals(node) ? "" : "ip netns exec " + node + " ")
                    .append("nft 'add table ").append(family).append(' ').append(table)
                    .append(" { chain postrouting { type nat hook postrouting priority srcnat; policy accept;");
            for (NatRule rule : rules) {
                text.append(' ').append(NatText.render(rule)).append(';');
            }
            return text.append(" } }'").toString();
        }
    }
}
