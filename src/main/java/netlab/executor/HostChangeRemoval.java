package netlab.executor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netlab.kernel.KernelException;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.route.AddressRequests;
import netlab.netlink.route.DumpRequests;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.NeighbourMessage;
import netlab.netlink.route.NeighbourRequests;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RouteRequests;
import netlab.netlink.route.RtFamily;
import netlab.executor.step.RouteStep;
import netlab.state.HostChange;
import netlab.sys.Errno;
import netlab.topology.Addresses;

/**
 * Undoing what a lab set on the host's own lo, the host routes no interface of the lab carries,
 * and its nodes' /etc/netns files: routes first (one may go through an address of lo), then
 * neighbour entries, addresses, lo's old MTU, the nodes' files and /etc/netns last. Each undo is idempotent: a route, entry or address that is gone already
 * is done. Only what is provably the lab's is deleted: a route of netlab's protocol, an entry
 * still holding the lab's MAC; an address lo did not have before {@code up} (up checks).
 */
final class HostChangeRemoval {
    /**
     * The changes that could not be undone (kept in the record), and why; what was left alone
     * on purpose (someone else's files in a node's /etc/netns directory).
     */
    record Outcome(List<HostChange> left, List<String> problems, List<String> notes) {}

    private static final InetAddress IPV4_ANY = ipv4Any();

    private HostChangeRemoval() {}

    private static InetAddress ipv4Any() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are an IPv4 address", e);
        }
    }

    /**
     * Undoes {@code changes} through {@code host}, the host's rtnetlink channel (safe from any
     * thread); {@code labHosts}: the lab's hosts file, which its nodes' /etc/netns links point at.
     */
    static Outcome undoAll(NetlinkChannel host, List<HostChange> changes, Path labHosts) {
        List<HostChange> left = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (HostChange change : changes.stream().sorted(Comparator.comparingInt(HostChangeRemoval::order)).toList()) {
            try {
                switch (change) {
                    case HostChange.Route r -> ignoring(Errno.ESRCH, () -> host.call(new NetlinkRequest(
                            "delete the lab's host route to " + Addresses.format(r.destination()) + "/" + r.prefixLength(),
                            RouteRequests.delete(deletion(r)))));
                    case HostChange.LoopbackNeighbour n -> deleteNeighbour(host, n);
                    case HostChange.LoopbackAddress a -> ignoring(Errno.EADDRNOTAVAIL, () -> host.call(new NetlinkRequest(
                            "ip addr del " + Addresses.format(a.address()) + "/" + a.prefixLength() + " dev lo",
                            AddressRequests.delete(LabSession.LOOPBACK_INDEX, a.address(), a.prefixLength()))));
                    case HostChange.LoopbackMtu m -> host.call(new NetlinkRequest("ip link set dev lo mtu " + m.oldMtu(),
                            LinkRequests.setMtu(LabSession.LOOPBACK_INDEX, m.oldMtu())));
                    case HostChange.EtcNetns e -> EtcNetnsRemoval.removeNode(e.node(), labHosts).ifPresent(notes::add);
                    case HostChange.EtcNetnsDirectory d -> EtcNetnsRemoval.removeDirectory();
                }
            } catch (RuntimeException e) {
                left.add(change);
                problems.add(e.getMessage());
            }
        }
        return new Outcome(left, problems, notes);
    }

    private static int order(HostChange change) {
        return switch (change) {
            case HostChange.Route r -> 0;
            case HostChange.LoopbackNeighbour n -> 1;
            case HostChange.LoopbackAddress a -> 2;
            case HostChange.LoopbackMtu m -> 3;
            case HostChange.EtcNetns e -> 4;
            case HostChange.EtcNetnsDirectory d -> 5; // once the nodes' directories are gone
        };
    }

    /**
     * The route as recorded, of netlab's protocol only: {@code ip route del DEST/LEN [via GW]
     * [metric N] [dev lo] proto 211}.
     */
    private static RouteMessage deletion(HostChange.Route route) {
        RouteMessage message = RouteMessage.delete(route.destination(), route.prefixLength());
        if (route.gateway().isPresent()) {
            message = message.withGateway(route.gateway().get());
        }
        if (route.metric().isPresent()) {
            message = message.withMetric((int) route.metric().getAsLong());
        }
        if (!route.device().isEmpty()) {
            message = message.withDevice(LabSession.LOOPBACK_INDEX);
        }
        return message.withProtocol(RouteStep.RTPROT_NETLAB);
    }

    /**
     * The entry still holding the lab's MAC, under its address, or for IPv4 under 0.0.0.0, where
     * the kernel keeps every IPv4 entry of lo (one resolving nothing needs no key).
     */
    private static void deleteNeighbour(NetlinkChannel host, HostChange.LoopbackNeighbour recorded) {
        InetAddress any = recorded.address() instanceof Inet4Address ? IPV4_ANY : null;
        MacAddress mac = MacAddress.parse(recorded.lladdr());
        for (NlMessage reply : host.call(new NetlinkRequest("list the host's neighbour entries",
                DumpRequests.neighbours(RtFamily.of(recorded.address()))))) {
            if (reply.payload() instanceof NeighbourMessage entry && entry.header().ifindex() == LabSession.LOOPBACK_INDEX
                    && entry.linkLayerAddress().filter(mac::equals).isPresent() && entry.destination()
                    .filter(key -> key.equals(recorded.address()) || key.equals(any)).isPresent()) {
                InetAddress key = entry.destination().get();
                ignoring(Errno.ENOENT, () -> host.call(new NetlinkRequest("ip neigh del " + Addresses.format(key)
                        + " dev lo", NeighbourRequests.delete(LabSession.LOOPBACK_INDEX, key))));
            }
        }
    }

    /** Runs a removal; the kernel saying it is gone already ({@code gone}) is success. */
    private static void ignoring(Errno gone, Runnable removal) {
        try {
            removal.run();
        } catch (KernelException e) {
            if (e.errno() != gone) {
                throw e;
            }
        }
    }
}
