package netlab.executor;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import netlab.error.LabStateException;
import netlab.executor.step.Creation;
import netlab.executor.step.InterfaceUse;
import netlab.executor.step.Step;
import netlab.kernel.EtcNetns;
import netlab.kernel.Kernel;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.PrivateRun;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.state.StateStore;
import netlab.sys.NetlinkSocket;
import netlab.topology.Node;
import netlab.topology.dsl.Diagnostic;
import netlab.topology.dsl.TopologyException;
import netlab.topology.dsl.TopologyReader;

/**
 * Before {@code up} changes anything: the names the lab's steps would create that already exist
 * (netlab never adopts, changes or deletes them: it refuses, listing each one), what it would add
 * to the host's lo that lo has already (see LoopbackConflicts), the machine's own interfaces the
 * host's steps name (a NAT rule's {@code out}, a macvlan's parent, a sysctl key's), which must
 * exist, and the sysctl keys ({@link SysctlKeys}), which this kernel must have: else the file is
 * wrong for this machine.
 */
final class Conflicts {
    private Conflicts() {}

    /**
     * {@code kernel}: the connection {@code up} goes on to use (opening one costs time). Returns
     * the link groups the host's interfaces carry (none when the lab makes nothing there), so
     * that the lab can take one nobody uses.
     */
    static Set<Integer> check(String lab, List<Step> steps, Kernel kernel, StateStore store) {
        List<String> conflicts = new ArrayList<>(SharedHostSettings.conflicts(lab, steps, store));
        NameOwners owners = NameOwners.read(store, lab);
        Set<String> hostLinks = new LinkedHashSet<>();
        List<Creation.Table> hostTables = new ArrayList<>();
        List<InterfaceUse> hostUses = new ArrayList<>();
        List<Creation> loopback = new ArrayList<>();
        for (Step step : steps) {
            for (Creation creation : step.creates()) {
                switch (creation) {
                    case Creation.Namespace n when NamedNamespaces.exists(n.name()) ->
                            conflicts.add("namespace " + n.name() + " already exists and " + owners.namespace(n.name(), lab));
                    case Creation.Namespace n -> { }
                    case Creation.HostLink l -> hostLinks.add(l.name());
                    case Creation.Table t when Node.HOST.equals(t.node()) -> hostTables.add(t);
                    case Creation.Table t -> { } // in a namespace the lab makes: free by construction
                    case Creation.LoopbackAddress a -> loopback.add(a);
                    case Creation.LoopbackNeighbour n -> loopback.add(n);
                    // Netlab's route protocol marks its routes: down can never delete another's.
                    case Creation.HostRoute r -> { }
                    case Creation.LoopbackMtu m -> { } // SharedHostSettings: one lab at a time
                    // A node whose namespace is taken is refused for that: its files would say it again.
                    case Creation.EtcNetns e when NamedNamespaces.exists(e.node()) -> { }
                    case Creation.EtcNetns e -> EtcNetns.directory().map(etc -> etc.resolve(e.node()))
                            .filter(directory -> Files.exists(directory, LinkOption.NOFOLLOW_LINKS))
                            .ifPresent(directory -> conflicts.add(directory + " already exists: files someone keeps for a "
                                    + "namespace " + e.node() + ", which ip netns exec and netlab exec would bind into the "
                                    + "lab's node; remove it, or rename the node"));
                    case Creation.EtcNetnsDirectory d -> { } // made only where the machine has none
                }
            }
            if (Node.HOST.equals(step.node())) {
                hostUses.addAll(step.interfacesUsed());
            }
        }
        List<Diagnostic> fileProblems = new ArrayList<>();
        Set<String> existing = Set.of();
        Set<Integer> groups = new HashSet<>();
        if (!hostLinks.isEmpty() || !hostUses.isEmpty() || !hostTables.isEmpty() || !loopback.isEmpty()) {
            try (NetNamespace host = NetNamespace.host()) {
                existing = linkNames(kernel, host, groups);
                fileProblems.addAll(missingMachineInterfaces(hostUses, hostLinks, existing));
                Set<String> taken = existing;
                hostLinks.stream().filter(taken::contains).forEach(name -> conflicts.add(
                        name + " already exists in the host namespace and " + owners.hostLink(name, lab)));
                conflicts.addAll(LoopbackConflicts.of(lab, loopback, kernel, host));
                if (!hostTables.isEmpty()) {
                    Set<String> tables = tableNames(kernel, host);
                    hostTables.stream().filter(t -> tables.contains(t.family() + " " + t.name())).forEach(t -> conflicts.add(
                            "table " + t.family() + " " + t.name() + " already exists in the host namespace and does not "
                                    + "belong to lab " + lab));
                }
            }
        }
        fileProblems.addAll(SysctlKeys.problems(steps, hostLinks, existing));
        // The file is wrong for this machine whatever else is: that comes first, all of it at once.
        if (!fileProblems.isEmpty()) {
            fileProblems.sort(Comparator.comparingInt((Diagnostic d) -> d.source().line()).thenComparingInt(d -> d.source().column()));
            throw new TopologyException(fileProblems);
        }
        if (!conflicts.isEmpty()) {
            throw new LabStateException("cannot bring lab " + lab + " up:\n  " + String.join("\n  ", conflicts));
        }
        return groups;
    }

    /** Interfaces the host's steps name that neither the lab makes nor the machine has. */
    private static List<Diagnostic> missingMachineInterfaces(List<InterfaceUse> uses, Set<String> made, Set<String> existing) {
        List<Diagnostic> missing = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (InterfaceUse use : uses) {
            if (!made.contains(use.name()) && !existing.contains(use.name()) && reported.add(use.name() + "@" + use.source())) {
                missing.add(TopologyReader.diagnostic(use.source(), PrivateRun.lab() == null
                        ? "the host has no interface " + use.name() + " (this machine's interfaces: "
                                + String.join(", ", new TreeSet<>(existing)) + ")"
                        // A lab in namespaces of its own: its host is a namespace of the lab's, not the machine.
                        : "the lab's host is a namespace of its own (a lab without root, or up --name), which has no "
                                + "interface " + use.name() + ", only " + String.join(", ", new TreeSet<>(existing))
                                + "; the machine's interfaces are out of its reach"));
            }
        }
        return missing;
    }

    /**
     * The names of the host namespace's interfaces, asked of the kernel, with their alternative
     * names: the kernel refuses a new interface named like another's altname too.
     */
    private static Set<String> linkNames(Kernel kernel, NetNamespace host, Set<Integer> groups) {
        Set<String> names = new HashSet<>();
        for (NlMessage message : kernel.route(host).call(new NetlinkRequest("list the host's interfaces", LinkRequests.dump()))) {
            LinkMessage link = (LinkMessage) message.payload();
            link.name().ifPresent(names::add);
            names.addAll(link.altNames());
            link.group().ifPresent(groups::add);
        }
        return names;
    }

    /** The host's nf_tables tables of the families netlab makes, as {@code FAMILY NAME}. */
    private static Set<String> tableNames(Kernel kernel, NetNamespace host) {
        Set<String> names = new HashSet<>();
        var netfilter = kernel.channel(host, NetlinkSocket.NETLINK_NETFILTER, NftablesDecoder.INSTANCE);
        for (int family : new int[] {NfProto.NFPROTO_IPV4, NfProto.NFPROTO_IPV6, NfProto.NFPROTO_NETDEV}) {
            String keyword = NfProto.name(family);
            for (NlMessage reply : netfilter.call(new NetlinkRequest("list the host's " + keyword + " tables",
                    NftRequests.dumpTables(family)))) {
                if (reply.payload() instanceof TableMessage table) {
                    table.name().ifPresent(name -> names.add(keyword + " " + name));
                }
            }
        }
        return names;
    }
}
