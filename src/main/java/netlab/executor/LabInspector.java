package netlab.executor;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import netlab.kernel.KernelException;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespaceCookies;
import netlab.kernel.NamespaceIdentity;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.LossChain;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.nftables.nat.SourceNatRule;
import netlab.netlink.route.AddressMessage;
import netlab.netlink.route.DumpRequests;
import netlab.netlink.route.IfInfoMsg;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.NdMsg;
import netlab.netlink.route.NeighbourMessage;
import netlab.netlink.route.QdiscMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtFamily;
import netlab.netlink.route.RtMsg;
import netlab.state.LabState;
import netlab.topology.Addresses;
import netlab.topology.Node;

/**
 * Reads a lab back from the kernel, through netlink dumps: for each of its namespaces the
 * interfaces with their addresses, the main table's routes, the permanent neighbours and the
 * lab's nf_tables rules; in the host only what the lab made (its interfaces, what is on them,
 * its tables, the host sysctls it set). Each veth end names its peer. The topology file is never
 * read: this is what is, not what was meant.
 */
public final class LabInspector {
    private final LabSession session;
    private final Optional<PlannedState> planned;

    private LabInspector(LabState state, Optional<PlannedState> planned) {
        this.session = new LabSession(state.lab(), state.group());
        this.planned = planned;
    }

    /**
     * The nodes of the lab that {@code shown} picks, as they are now. A broken lab is read as far
     * as it exists: a namespace that is gone, or is not the one up made, is a node with a problem
     * and nothing else, never read (a same-named stranger is not the lab's to show).
     *
     * @param plan the plan of the lab's file, to tell what was made by hand since up; or why there is none
     */
    public static LabView inspect(LabState state, Predicate<String> shown, PlanToCompare plan) {
        Optional<PlannedState> planned = plan.plan().map(PlannedState::of);
        LabInspector inspector = new LabInspector(state, planned);
        try (inspector.session) {
            Map<String, Predicate<String>> readable = new LinkedHashMap<>();
            Map<String, String> problems = new LinkedHashMap<>();
            if (!state.hostLinks().isEmpty() || !state.hostSysctls().isEmpty()
                    || state.tables().stream().anyMatch(table -> table.node().equals(Node.HOST))) {
                readable.put(Node.HOST, Set.copyOf(state.hostLinks())::contains);
            }
            for (LabState.NamespaceRecord namespace : state.namespaces()) {
                Optional<String> problem = problemWith(namespace);
                if (problem.isPresent()) {
                    problems.put(namespace.name(), problem.get());
                } else {
                    readable.put(namespace.name(), name -> true);
                }
            }
            // Every readable node's links, shown or not: a shown veth's peer may be in another node.
            List<VethPeers.End> ends = new ArrayList<>();
            readable.forEach((node, ours) -> inspector.session.links(node).values().stream()
                    .filter(link -> ours.test(link.name().orElseThrow()))
                    .forEach(link -> ends.add(new VethPeers.End(node, link))));
            Map<String, Map<Integer, LabView.Peer>> peers = VethPeers.of(ends);
            List<LabView.Node> nodes = new ArrayList<>();
            List<String> order = new ArrayList<>(readable.keySet().contains(Node.HOST) ? List.of(Node.HOST) : List.of());
            state.namespaces().forEach(namespace -> order.add(namespace.name()));
            for (String node : order) {
                if (!shown.test(node)) {
                    continue;
                }
                if (problems.containsKey(node)) {
                    nodes.add(LabView.Node.unreadable(node, problems.get(node)));
                    continue;
                }
                List<String> tableProblems = new ArrayList<>();
                LabView.Node read = inspector.node(node, readable.get(node), peers.getOrDefault(node, Map.of()),
                        inspector.tables(state, node, tableProblems), tableProblems);
                nodes.add(read.withSysctls(LabSysctls.read(state, node, planned)));
            }
            return new LabView(state.lab(), !state.isUp(), plan.whyNot(), nodes);
        }
    }

    /**
     * Why a recorded namespace cannot be read: gone, or a same-named one made since. Its inode says
     * which, and its cookie where the inode is the same (a kernel may give a freed inode number
     * to the next namespace: see {@link NamespaceIdentity}).
     */
    private static Optional<String> problemWith(LabState.NamespaceRecord record) {
        if (!NamedNamespaces.exists(record.name())) {
            return Optional.of("namespace " + record.name() + " is gone");
        }
        try (NetNamespace namespace = NamedNamespaces.open(record.name())) {
            if (namespace.inode() != record.inode()) {
                return Optional.of("namespace " + record.name() + " is not the one the lab made (inode "
                        + namespace.inode() + ", recorded " + record.inode() + ")");
            }
            long cookie = NamespaceCookies.of(List.of(namespace)).getFirst();
            if (!new NamespaceIdentity(record.inode(), record.cookie()).matches(new NamespaceIdentity(namespace.inode(), cookie))) {
                return Optional.of("namespace " + record.name() + " is not the one the lab made (cookie "
                        + Long.toUnsignedString(cookie) + ", recorded " + Long.toUnsignedString(record.cookie()) + ")");
            }
        }
        return Optional.empty();
    }

    /** One node; {@code ours} picks the interfaces to show (in the host: the lab's only). */
    private LabView.Node node(String node, Predicate<String> ours, Map<Integer, LabView.Peer> peers, List<LabView.NatTable> tables,
            List<String> problems) {
        Map<Integer, String> names = new HashMap<>();
        List<LinkMessage> links = new ArrayList<>(session.links(node).values());
        links.sort(Comparator.comparingInt(LinkMessage::index));
        links.forEach(link -> names.put(link.index(), link.name().orElseThrow()));
        Map<Integer, List<LabView.Address>> addresses = addresses(node);
        Map<Integer, String> queues = queues(node);
        List<LabView.Interface> interfaces = new ArrayList<>();
        for (LinkMessage link : links) {
            String name = link.name().orElseThrow();
            if (ours.test(name)) {
                boolean linkByHand = planned.isPresent() && !planned.get().madeLink(node, name);
                // An interface made by hand is marked once: what is on it (the kernel's link-local, say) came with it.
                interfaces.add(new LabView.Interface(name, link.index(), (link.header().flags() & IfInfoMsg.IFF_UP) != 0,
                        IpNames.operState(link.operState().orElse(0)), link.address().map(Object::toString),
                        link.mtu().orElse(0), link.kind(), link.master().map(index -> nameOf(names, index)),
                        Optional.ofNullable(peers.get(link.index())), linkByHand,
                        addresses.getOrDefault(link.index(), List.of()).stream().map(a -> new LabView.Address(a.address(),
                                a.prefixLength(), a.scope(),
                                planned.isPresent() && !linkByHand && !planned.get().madeAddress(node, name, a)))
                                .toList(), Optional.ofNullable(queues.get(link.index()))));
            }
        }
        Predicate<Integer> onOurs = index -> names.containsKey(index) && ours.test(names.get(index));
        return new LabView.Node(node, interfaces, routes(node, names, onOurs), neighbours(node, names, onOurs), tables,
                List.of(), problems);
    }

    /** The root qdiscs of the kinds impair installs, by interface index, in tc's words. */
    private Map<Integer, String> queues(String node) {
        Map<Integer, String> queues = new HashMap<>();
        for (NlMessage reply : dump(node, "list the qdiscs", DumpRequests.qdiscs())) {
            if (reply.payload() instanceof QdiscMessage qdisc && qdisc.isRoot()) {
                qdisc.options().ifPresent(options -> queues.put(qdisc.header().ifindex(), QdiscText.of(options)));
            }
        }
        return queues;
    }

    private Map<Integer, List<LabView.Address>> addresses(String node) {
        Map<Integer, List<LabView.Address>> byInterface = new HashMap<>();
        for (NlMessage reply : dump(node, "list the addresses", DumpRequests.addresses(RtFamily.AF_UNSPEC))) {
            AddressMessage address = (AddressMessage) reply.payload();
            // IFA_LOCAL is the interface's own address; IPv6 sends only IFA_ADDRESS (as ip shows "local").
            Optional<InetAddress> local = address.local().or(address::address);
            local.ifPresent(a -> byInterface.computeIfAbsent(address.header().ifindex(), i -> new ArrayList<>())
                    .add(new LabView.Address(Addresses.format(a), address.header().prefixLength(),
                            IpNames.scope(address.header().scope()), false)));
        }
        return byInterface;
    }

    private List<LabView.Route> routes(String node, Map<Integer, String> names, Predicate<Integer> onOurs) {
        List<LabView.Route> routes = new ArrayList<>();
        for (int family : new int[] {RtFamily.AF_INET, RtFamily.AF_INET6}) {
            for (NlMessage reply : dump(node, "list the routes", DumpRequests.mainTableRoutes(family))) {
                RouteMessage route = (RouteMessage) reply.payload();
                Optional<Integer> device = route.outputInterface();
                if (Node.HOST.equals(node) && !(device.isPresent() && onOurs.test(device.get()))) {
                    continue; // the host's own routes are not the lab's
                }
                routes.add(route(route, names));
            }
        }
        return routes;
    }

    private static LabView.Route route(RouteMessage route, Map<Integer, String> names) {
        RtMsg header = route.header();
        String destination = header.dstLength() == 0 ? "default"
                : route.destination().map(Addresses::format).orElse("?")
                        + (header.dstLength() == (header.family() == RtFamily.AF_INET ? 32 : 128) ? "" : "/" + header.dstLength());
        return new LabView.Route(header.family() == RtFamily.AF_INET ? "inet" : "inet6",
                header.type() == RtMsg.RTN_UNICAST ? Optional.empty() : Optional.of(IpNames.routeType(header.type())),
                destination, route.gateway().map(Addresses::format),
                route.outputInterface().map(index -> nameOf(names, index)), IpNames.protocol(header.protocol()),
                IpNames.scope(header.scope()), route.preferredSource().map(Addresses::format), route.metric(),
                IpNames.routeFlags(header.flags()), route.preference().map(IpNames::routePreference));
    }

    private List<LabView.Neighbour> neighbours(String node, Map<Integer, String> names, Predicate<Integer> onOurs) {
        List<LabView.Neighbour> neighbours = new ArrayList<>();
        for (NlMessage reply : dump(node, "list the neighbours", DumpRequests.neighbours(RtFamily.AF_UNSPEC))) {
            NeighbourMessage neighbour = (NeighbourMessage) reply.payload();
            if ((neighbour.header().state() & NdMsg.NUD_PERMANENT) != 0 && onOurs.test(neighbour.header().ifindex())) {
                String device = nameOf(names, neighbour.header().ifindex());
                neighbour.destination().ifPresent(address -> neighbours.add(new LabView.Neighbour(
                        Addresses.format(address), neighbour.linkLayerAddress().map(Object::toString), device,
                        planned.isPresent() && !planned.get().madeNeighbour(node, device, Addresses.format(address)))));
            }
        }
        return neighbours;
    }

    /** The lab's tables in {@code node}, with their rules; one the kernel cannot list goes to {@code problems}. */
    private List<LabView.NatTable> tables(LabState state, String node, List<String> problems) {
        List<LabView.NatTable> tables = new ArrayList<>();
        for (LabState.TableRecord table : state.tables()) {
            if (table.node().equals(node)) {
                int family = NfProto.of(table.family());
                List<LabView.Rule> rules = new ArrayList<>();
                List<NlMessage> replies;
                try {
                    replies = session.netfilter(node).call(new NetlinkRequest("list the rules of table "
                            + table.family() + " " + table.name() + " in " + LabSession.where(node),
                            NftRequests.dumpRules(family, table.name())));
                } catch (KernelException e) {
                    // A broken lab's table may be gone, or not made yet.
                    problems.add("table " + table.family() + " " + table.name() + ": " + e.reason());
                    continue;
                }
                for (NlMessage reply : replies) {
                    if (reply.payload() instanceof RuleMessage rule) {
                        rules.add(new LabView.Rule(rule.chain().orElse("?"), rule.handle().orElse(0),
                                ruleText(family, rule)));
                    }
                }
                tables.add(new LabView.NatTable(table.family(), table.name(), rules));
            }
        }
        return tables;
    }

    /**
     * A rule in nft's syntax when it is one netlab writes (the one NAT grammar reads it back);
     * anything else, added by hand say, by the names of its expressions: {@code nft list table}
     * says the rest.
     */
    static String ruleText(int family, RuleMessage rule) {
        if (rule.expressions().isEmpty()) {
            return "(a rule whose expressions netlab cannot decode)";
        }
        List<Expression> expressions = rule.expressions().get();
        if (family == NfProto.NFPROTO_NETDEV) {
            return LossChain.statementOf(expressions).orElseGet(() -> "(not a rule netlab writes: " + String.join(" ",
                    expressions.stream().map(Expression::name).toList()) + ")");
        }
        return SourceNatRule.fromExpressions(family, expressions).map(SourceNatRule::text)
                .orElseGet(() -> "(not a rule netlab writes: " + String.join(" ",
                        expressions.stream().map(Expression::name).toList()) + ")");
    }


    private List<NlMessage> dump(String node, String what, NlMessage request) {
        return session.route(node).call(new NetlinkRequest(what + " of " + LabSession.where(node), request));
    }

    /** ip's name for an index it cannot resolve: {@code if7}. */
    private static String nameOf(Map<Integer, String> names, int index) {
        return names.getOrDefault(index, "if" + index);
    }
}
