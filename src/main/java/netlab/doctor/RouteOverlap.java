package netlab.doctor;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.DumpRequests;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtFamily;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * A lab's subnet that overlaps a route of the machine's own (its LAN, a VPN, Docker's bridge):
 * the host then has two ways to those addresses, and the lab's traffic or the machine's goes the
 * wrong one. Routes netlab added (protocol 211, a lab that is up) and default routes do not count.
 */
final class RouteOverlap {
    /** RouteStep.RTPROT_NETLAB: the protocol of every route netlab adds. */
    private static final int RTPROT_NETLAB = 211;

    private RouteOverlap() {}

    /** A route of the machine: its destination and the device it leaves by. */
    private record MachineRoute(Cidr destination, String text) {}

    /** Equivalent to: {@code ip route show table main}, each route against each subnet of each lab. */
    static List<Finding> check(NetlinkChannel route, List<Lab> labs) {
        List<MachineRoute> routes = machineRoutes(route);
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : labs) {
            subnets(lab).forEach((subnet, where) -> {
                for (MachineRoute machine : routes) {
                    if (overlap(subnet, machine.destination())) {
                        findings.add(Finding.problem(lab.file() + ": subnet " + subnet + " (" + String.join(", ", where)
                                + ") overlaps the machine's route " + machine.text()
                                + ", so traffic to those addresses may take the wrong way",
                                "give the lab other addresses (in a copy of the file), or bring it up without root "
                                        + "(in namespaces of its own: README, \"Without root\")"));
                    }
                }
            });
        }
        return findings;
    }

    /** Each subnet of the lab, in file order, with the interfaces on it ({@code NODE:IF}). */
    private static Map<Cidr, List<String>> subnets(Lab lab) {
        Map<Cidr, List<String>> subnets = new LinkedHashMap<>();
        for (Node node : lab.nodes()) {
            for (NetInterface netInterface : node.interfaces()) {
                if (!(netInterface instanceof NetInterface.Loopback)) {
                    for (Cidr address : netInterface.addresses()) {
                        subnets.computeIfAbsent(address.network(), subnet -> new ArrayList<>())
                                .add(node.name() + ":" + netInterface.name());
                    }
                }
            }
        }
        return subnets;
    }

    private static boolean overlap(Cidr a, Cidr b) {
        return a.isIpv4() == b.isIpv4() && (a.contains(b.address()) || b.contains(a.address()));
    }

    private static List<MachineRoute> machineRoutes(NetlinkChannel channel) {
        Map<Integer, String> names = new HashMap<>();
        for (NlMessage reply : channel.call(new NetlinkRequest("list the host's interfaces", LinkRequests.dump()))) {
            LinkMessage link = (LinkMessage) reply.payload();
            names.put(link.index(), link.name().orElse("#" + link.index()));
        }
        List<MachineRoute> routes = new ArrayList<>();
        for (int family : new int[] {RtFamily.AF_INET, RtFamily.AF_INET6}) {
            for (NlMessage reply : channel.call(new NetlinkRequest("list the host's routes", DumpRequests.mainTableRoutes(family)))) {
                RouteMessage message = (RouteMessage) reply.payload();
                int length = message.header().dstLength();
                if (length == 0 || message.header().protocol() == RTPROT_NETLAB || message.destination().isEmpty()) {
                    continue;
                }
                InetAddress destination = message.destination().get();
                if (destination.isLinkLocalAddress() || destination.isMulticastAddress()) {
                    continue; // fe80::/64 and ff00::/8 are on every interface by design
                }
                Cidr cidr = new Cidr(destination, length);
                String device = message.outputInterface().map(index -> " dev " + names.getOrDefault(index, "#" + index)).orElse("");
                routes.add(new MachineRoute(cidr, Addresses.format(destination) + "/" + length + device));
            }
        }
        return routes;
    }
}
