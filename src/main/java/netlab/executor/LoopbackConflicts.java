package netlab.executor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import netlab.executor.step.Creation;
import netlab.kernel.Kernel;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.NlPayload;
import netlab.netlink.route.AddressMessage;
import netlab.netlink.route.DumpRequests;
import netlab.netlink.route.NeighbourMessage;
import netlab.netlink.route.RtFamily;
import netlab.topology.Addresses;

/**
 * The addresses and neighbour entries a lab would add to the host's own lo that lo has already:
 * they are not the lab's to add, nor, at {@code down}, to remove. The kernel keeps every IPv4
 * neighbour entry of lo under one key (0.0.0.0, lo resolving nothing), so any IPv4 entry there
 * is in the way of another.
 */
final class LoopbackConflicts {
    private LoopbackConflicts() {}

    static List<String> of(String lab, List<Creation> creations, Kernel kernel, NetNamespace host) {
        List<Creation.LoopbackAddress> addresses = creations.stream().filter(Creation.LoopbackAddress.class::isInstance)
                .map(Creation.LoopbackAddress.class::cast).toList();
        List<Creation.LoopbackNeighbour> neighbours = creations.stream()
                .filter(Creation.LoopbackNeighbour.class::isInstance).map(Creation.LoopbackNeighbour.class::cast).toList();
        List<String> conflicts = new ArrayList<>();
        if (!addresses.isEmpty()) {
            Set<InetAddress> present = loAddresses(kernel, host);
            addresses.stream().filter(a -> present.contains(a.address().address())).forEach(a -> conflicts.add(
                    "address " + a.address() + " is already on the host's lo and does not belong to lab " + lab));
        }
        if (!neighbours.isEmpty()) {
            Set<InetAddress> present = loNeighbours(kernel, host);
            boolean anyIpv4 = present.stream().anyMatch(Inet4Address.class::isInstance);
            for (Creation.LoopbackNeighbour n : neighbours) {
                if (n.address() instanceof Inet4Address ? anyIpv4 : present.contains(n.address())) {
                    conflicts.add("a neighbour entry " + (n.address() instanceof Inet4Address ? "(IPv4: the kernel keeps "
                            + "one for all of lo)" : "for " + Addresses.format(n.address())) + " is already on the "
                            + "host's lo and does not belong to lab " + lab);
                }
            }
        }
        return conflicts;
    }

    private static Set<InetAddress> loAddresses(Kernel kernel, NetNamespace host) {
        return onLo(kernel, host, "addresses", DumpRequests.addresses(RtFamily.AF_UNSPEC), payload ->
                payload instanceof AddressMessage a && a.header().ifindex() == LabSession.LOOPBACK_INDEX
                        ? a.local().or(a::address) : Optional.empty());
    }

    private static Set<InetAddress> loNeighbours(Kernel kernel, NetNamespace host) {
        return onLo(kernel, host, "neighbour entries", DumpRequests.neighbours(RtFamily.AF_UNSPEC), payload ->
                payload instanceof NeighbourMessage n && n.header().ifindex() == LabSession.LOOPBACK_INDEX
                        ? n.destination() : Optional.empty());
    }

    /** The addresses a dump of the host's {@code what} names on lo. */
    private static Set<InetAddress> onLo(Kernel kernel, NetNamespace host, String what, NlMessage dump,
            Function<NlPayload, Optional<InetAddress>> onLo) {
        Set<InetAddress> found = new HashSet<>();
        for (NlMessage reply : kernel.route(host).call(new NetlinkRequest("list the host's " + what, dump))) {
            onLo.apply(reply.payload()).ifPresent(found::add);
        }
        return found;
    }
}
