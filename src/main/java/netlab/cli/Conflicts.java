package netlab.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netlab.kernel.Kernel;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.NetlinkSocket;
import netlab.topology.Lab;
import netlab.topology.NetInterface;

/**
 * Before {@code up} changes anything: names the lab would create that already exist and are not
 * the lab's. netlab never adopts, changes or deletes them; it refuses, listing each one.
 */
final class Conflicts {
    private Conflicts() {}

    static void check(Lab lab) {
        List<String> conflicts = new ArrayList<>();
        for (var node : lab.namespaces()) {
            if (NamedNamespaces.exists(node.name())) {
                conflicts.add("namespace " + node.name() + " already exists and does not belong to lab " + lab.name());
            }
        }
        List<String> hostNames = hostInterfaceNames(lab);
        if (!hostNames.isEmpty()) {
            Set<String> existing = hostLinks();
            for (String name : hostNames) {
                if (existing.contains(name)) {
                    conflicts.add(name + " already exists in the host namespace and does not belong to lab "
                            + lab.name());
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new LabStateException("cannot bring lab " + lab.name() + " up:\n  " + String.join("\n  ", conflicts));
        }
    }

    /** The names of the host namespace's interfaces, asked of the kernel. */
    private static Set<String> hostLinks() {
        Set<String> names = new HashSet<>();
        try (Kernel kernel = new Kernel(); NetNamespace host = NetNamespace.host()) {
            List<NlMessage> links = kernel.channel(host, NetlinkSocket.NETLINK_ROUTE, RtnetlinkDecoder.INSTANCE)
                    .call(new NetlinkRequest("list the host's interfaces", LinkRequests.dump()));
            links.forEach(m -> ((LinkMessage) m.payload()).name().ifPresent(names::add));
        }
        return names;
    }

    /** Interfaces the lab creates in the host namespace: its bridges, ports and veth ends. */
    private static List<String> hostInterfaceNames(Lab lab) {
        List<String> names = new ArrayList<>();
        lab.host().ifPresent(host -> host.interfaces().stream()
                .filter(i -> !(i instanceof NetInterface.Loopback)).forEach(i -> names.add(i.name())));
        return names;
    }
}
