package netlab.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import netlab.executor.step.Journal;
import netlab.executor.step.SharedHostSysctls;
import netlab.executor.step.StepContext;
import netlab.kernel.Answers;
import netlab.kernel.EtcNetns;
import netlab.kernel.Kernel;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.NetlinkSocket;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * The open handles of one lab while netlab works on it: a namespace handle and netlink channels
 * per node, each node's links by name (dumped once, again only after links changed), the indexes
 * of interfaces by name, which outlive such changes, and the lab's record.
 */
final class LabSession implements StepContext, AutoCloseable {
    /**
     * The loopback device of every network namespace is its first device, index 1
     * (LOOPBACK_IFINDEX in the kernel's include/net/net_namespace.h).
     */
    static final int LOOPBACK_INDEX = 1;

    private final Kernel kernel;
    private final Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
    private final Map<String, Map<String, LinkMessage>> links = new HashMap<>();
    /**
     * Interface indexes by node and name, from dumps and from the kernel's echo of each link
     * netlab creates: a link keeps its index until it is deleted, so creating others leaves these
     * true, and a big star needs no dump of its nodes' namespaces to find their interfaces.
     */
    private final Map<String, Map<String, Integer>> indexes = new HashMap<>();
    private final String lab;
    private final int group;
    private final Journal journal;
    private final SharedHostSysctls hostSysctls;
    private final Path labDirectory;

    /** A session that only reads and removes: it records and sets nothing. */
    LabSession(String lab, int group) {
        this(lab, group, new Kernel());
    }

    /** {@link #LabSession(String, int)} over {@code kernel}, which it closes when it closes. */
    LabSession(String lab, int group, Kernel kernel) {
        this(lab, group, kernel, Journal.NONE, null, null);
    }

    /** A session over {@code kernel}, which it closes when it closes; the lab's files go to {@code labDirectory}. */
    LabSession(String lab, int group, Kernel kernel, Journal journal, SharedHostSysctls hostSysctls, Path labDirectory) {
        this.lab = lab;
        this.group = group;
        this.kernel = kernel;
        this.journal = journal;
        this.hostSysctls = hostSysctls;
        this.labDirectory = labDirectory;
        namespaces.put(Node.HOST, NetNamespace.host());
    }

    @Override
    public Path labDirectory() {
        if (labDirectory == null) {
            throw new IllegalStateException("this session writes no files");
        }
        return labDirectory;
    }

    @Override
    public Optional<Path> etcNetns() {
        return EtcNetns.directory();
    }

    @Override
    public SharedHostSysctls hostSysctls() {
        if (hostSysctls == null) {
            throw new IllegalStateException("this session sets nothing");
        }
        return hostSysctls;
    }

    @Override
    public String lab() {
        return lab;
    }

    /** The link group marking the lab's interfaces in the host (see LabGroups). */
    @Override
    public int group() {
        return group;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    /**
     * Namespaces just made, by node, and the rtnetlink sockets opened inside them (none for a
     * namespace where that failed: it is still the session's, to be removed).
     */
    @Override
    public void adopt(Map<String, NetNamespace> made, Map<String, NetlinkSocket> routeSockets) {
        namespaces.putAll(made);
        made.keySet().forEach(node -> learnIndex(node, NetInterface.Loopback.NAME, LOOPBACK_INDEX));
        Map<NetNamespace, NetlinkSocket> sockets = new LinkedHashMap<>();
        routeSockets.forEach((node, socket) -> sockets.put(made.get(node), socket));
        kernel.adoptAll(sockets, RtnetlinkDecoder.INSTANCE);
    }

    @Override
    public NetNamespace namespace(String node) {
        return namespaces.computeIfAbsent(node, NamedNamespaces::open);
    }

    /** "ns1" or "the host namespace". */
    static String where(String node) {
        return Node.HOST.equals(node) ? "the host namespace" : node;
    }

    @Override
    public NetlinkChannel route(String node) {
        return kernel.channel(namespace(node), NetlinkSocket.NETLINK_ROUTE, RtnetlinkDecoder.INSTANCE);
    }

    @Override
    public NetlinkChannel netfilter(String node) {
        return kernel.channel(namespace(node), NetlinkSocket.NETLINK_NETFILTER, NftablesDecoder.INSTANCE);
    }

    /** The link named {@code name} in {@code node}, as the kernel reports it now. */
    LinkMessage link(String node, String name) {
        LinkMessage link = links(node).get(name);
        if (link == null) {
            throw new IllegalStateException("no interface " + name + " in " + where(node));
        }
        return link;
    }

    @Override
    public int index(String node, String name) {
        Integer known = indexes.getOrDefault(node, Map.of()).get(name);
        return known != null ? known : link(node, name).index();
    }

    @Override
    public int mtu(String node, String name) {
        return link(node, name).mtu().orElseThrow(() -> new IllegalStateException(
                "the kernel did not say the MTU of " + name + " in " + where(node)));
    }

    /** Where a link the lab just made is: from the kernel's echo of the request that made it. */
    @Override
    public void learnIndex(String node, String name, int index) {
        indexes.computeIfAbsent(node, n -> new HashMap<>()).put(name, index);
    }

    /**
     * Makes sure the index of every interface named (by node) is known, dumping at once the
     * namespaces where one is not.
     */
    @Override
    public void prefetchIndexes(Map<String, Set<String>> namesByNode) {
        List<String> unknown = new ArrayList<>();
        namesByNode.forEach((node, names) -> {
            if (!indexes.getOrDefault(node, Map.of()).keySet().containsAll(names)) {
                unknown.add(node);
            }
        });
        prefetchLinks(unknown);
    }

    Map<String, LinkMessage> links(String node) {
        prefetchLinks(List.of(node));
        return links.get(node);
    }

    /**
     * Makes sure the links of every node in {@code nodes} are known, asking all namespaces whose
     * links are not at once (one dump each, answered in parallel) instead of one after another.
     */
    void prefetchLinks(Collection<String> nodes) {
        Map<String, CompletableFuture<List<NlMessage>>> dumps = new LinkedHashMap<>();
        for (String node : nodes) {
            if (!links.containsKey(node) && !dumps.containsKey(node)) {
                dumps.put(node, route(node).send(new NetlinkRequest("list the interfaces of " + where(node),
                        LinkRequests.dump())));
            }
        }
        dumps.forEach((node, dump) -> {
            Map<String, LinkMessage> byName = new HashMap<>();
            for (NlMessage reply : Answers.await(dump)) {
                LinkMessage link = (LinkMessage) reply.payload();
                link.name().ifPresent(name -> byName.put(name, link));
            }
            links.put(node, byName);
            byName.forEach((name, link) -> learnIndex(node, name, link.index()));
        });
    }

    /** Links changed in {@code node}: dump again when next asked. */
    @Override
    public void forgetLinks(String node) {
        links.remove(node);
    }

    /** Closes the channels into a namespace before it is deleted. */
    void forget(String node) {
        NetNamespace namespace = namespaces.remove(node);
        links.remove(node);
        indexes.remove(node);
        if (namespace != null) {
            kernel.forget(namespace);
            namespace.close();
        }
    }

    @Override
    public void close() {
        kernel.close();
        namespaces.values().forEach(NetNamespace::close);
    }
}
