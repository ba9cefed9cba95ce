package netlab.plan;

import java.util.ArrayList;
import java.util.List;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * The /etc/hosts every node of a lab sees: the usual localhost lines, then each address the file
 * gives an interface as {@code NODE-IF}, the node's first address of each family also as
 * {@code NODE} (an interface's before lo's), so {@code ping ns2} and {@code ping ns2-eth1} work
 * from any node. One file for the whole lab: each node's /etc/netns/NODE/hosts links to it, so
 * a lab of N nodes writes N lines, not N squared. Link-local and loopback (127/8, ::1) addresses
 * are left out (a name cannot say their scope), and so is a name a hosts file cannot hold (one
 * with a blank or a '#').
 */
public final class HostsFile {
    private HostsFile() {}

    public static List<String> lines(Lab lab) {
        List<String> lines = new ArrayList<>(List.of(
                "# The nodes of lab " + lab.name() + ", written by netlab up; netlab down " + lab.name() + " removes it.",
                "127.0.0.1\tlocalhost",
                "::1\tlocalhost ip6-localhost ip6-loopback"));
        for (Node node : lab.nodes()) {
            if (!usable(node.name())) {
                continue;
            }
            List<Entry> entries = entries(node);
            for (boolean ipv4 : new boolean[] {true, false}) {
                entries.stream().filter(e -> e.address().isIpv4() == ipv4).sorted((a, b) -> Boolean.compare(a.loopback(), b.loopback()))
                        .findFirst().ifPresent(first -> first.names().addFirst(node.name()));
            }
            for (Entry entry : entries) {
                lines.add(Addresses.format(entry.address().address()) + "\t" + String.join(" ", entry.names()));
            }
        }
        return lines;
    }

    private record Entry(Cidr address, boolean loopback, List<String> names) {}

    private static List<Entry> entries(Node node) {
        List<Entry> entries = new ArrayList<>();
        for (NetInterface i : node.interfaces()) {
            String name = node.name() + "-" + i.name();
            for (Cidr address : i.addresses()) {
                if (!address.address().isLinkLocalAddress() && !address.address().isLoopbackAddress() && usable(name)) {
                    entries.add(new Entry(address, i instanceof NetInterface.Loopback, new ArrayList<>(List.of(name))));
                }
            }
        }
        return entries;
    }

    private static boolean usable(String name) {
        return name.chars().noneMatch(c -> c == '#' || Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
