package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netlab.error.LabStateException;
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
import netlab.topology.NatRule;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Source;
import netlab.topology.dsl.Diagnostic;
import netlab.topology.dsl.TopologyException;

/**
 * Before {@code up} changes anything: names the lab would create that already exist and are not
 * the lab's. netlab never adopts, changes or deletes them; it refuses, listing each one.
 */
final class Conflicts {
    private Conflicts() {}

    /** {@code kernel}: the connection {@code up} goes on to use (opening one costs time). */
    static void check(Lab lab, Kernel kernel) {
        List<String> conflicts = new ArrayList<>();
        for (var node : lab.namespaces()) {
            if (NamedNamespaces.exists(node.name())) {
                conflicts.add("namespace " + node.name() + " already exists and does not belong to lab " + lab.name());
            }
        }
        List<String> hostNames = hostInterfaceNames(lab);
        if (lab.host().isPresent()) {
            Set<String> existing = hostLinks(kernel);
            requireHostInterfaces(lab, existing);
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

    /**
     * The host block may name interfaces of the machine itself (NAT {@code out}, a macvlan's
     * parent): they must exist now, or the file is wrong for this machine.
     */
    private static void requireHostInterfaces(Lab lab, Set<String> existing) {
        Node host = lab.host().orElseThrow();
        List<Diagnostic> missing = new ArrayList<>();
        for (NatRule rule : host.nat()) {
            rule.out().filter(out -> host.netInterface(out).isEmpty() && !existing.contains(out)).ifPresent(out ->
                    missing.add(diagnostic(rule.source(), "the host has no interface " + out
                            + " (this machine's interfaces: " + String.join(", ", new java.util.TreeSet<>(existing)) + ")")));
        }
        for (NetInterface i : host.interfaces()) {
            if (i instanceof NetInterface.Macvlan m && Node.HOST.equals(m.parent().node())
                    && host.netInterface(m.parent().interfaceName()).isEmpty()
                    && !existing.contains(m.parent().interfaceName())) {
                missing.add(diagnostic(m.source(), "the host has no interface " + m.parent().interfaceName()));
            }
        }
        if (!missing.isEmpty()) {
            throw new TopologyException(missing);
        }
    }

    private static Diagnostic diagnostic(Source source, String message) {
        String line = "";
        try {
            List<String> lines = Files.readAllLines(Path.of(source.file()));
            line = source.line() >= 1 && source.line() <= lines.size() ? lines.get(source.line() - 1) : "";
        } catch (IOException | RuntimeException e) {
            // The file changed under us: report without the quoted line.
        }
        return new Diagnostic(source, message, line);
    }

    /** The names of the host namespace's interfaces, asked of the kernel. */
    private static Set<String> hostLinks(Kernel kernel) {
        Set<String> names = new HashSet<>();
        try (NetNamespace host = NetNamespace.host()) {
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
