package netlab.kernel.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import netlab.kernel.Answers;
import netlab.kernel.Kernel;
import netlab.kernel.KernelException;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.DumpRequests;
import netlab.netlink.route.NdMsg;
import netlab.netlink.route.NeighbourMessage;
import netlab.netlink.route.NeighbourRequests;
import netlab.sys.Errno;

/**
 * The ARP and neighbour-discovery entries the kernel learns for some addresses while probes run,
 * removed again so that the next probes find room. The kernel keeps one neighbour table for
 * every namespace of the machine and refuses new entries above {@code gc_thresh3} (1024 by
 * default, settable only in the machine's own namespace), reclaiming only entries older than
 * 5 s: a full mesh of a hundred nodes learns ten thousand entries in a second, and probes beyond
 * the table's room go unanswered. Only entries that appeared since the snapshot, that the kernel
 * learned (not permanent, not NOARP), and whose address is one of {@code addresses} (the lab's)
 * are removed; the kernel learns them again whenever traffic needs them.
 */
public final class LearnedNeighbours {
    private record Entry(int ifindex, InetAddress address) {}

    private final Map<NetNamespace, NetlinkChannel> channels;
    private final Set<InetAddress> addresses;
    private final Map<NetNamespace, Set<Entry>> before;

    private LearnedNeighbours(Map<NetNamespace, NetlinkChannel> channels, Set<InetAddress> addresses) {
        this.channels = channels;
        this.addresses = Set.copyOf(addresses);
        this.before = new HashMap<>();
        Map<NetNamespace, CompletableFuture<List<NlMessage>>> lists = new LinkedHashMap<>();
        channels.forEach((namespace, channel) -> lists.put(namespace, channel.send(list())));
        lists.forEach((namespace, list) -> before.put(namespace, new HashSet<>(learned(Answers.await(list)))));
    }

    /** Notes what the namespaces hold now, for {@link #forgetNew}. */
    public static LearnedNeighbours snapshot(Kernel kernel, List<NetNamespace> namespaces, Set<InetAddress> addresses) {
        Map<NetNamespace, NetlinkChannel> channels = new LinkedHashMap<>();
        namespaces.forEach(namespace -> channels.put(namespace, kernel.route(namespace)));
        return new LearnedNeighbours(channels, addresses);
    }

    /**
     * Removes the entries learned since the snapshot; returns how many. Every namespace's list is
     * asked for at once, and every namespace's deletions sent at once: a hundred namespaces one
     * after another would wait a hundred round trips.
     */
    public int forgetNew() {
        Map<NetNamespace, CompletableFuture<List<NlMessage>>> lists = new LinkedHashMap<>();
        channels.forEach((namespace, channel) -> lists.put(namespace, channel.send(list())));
        List<CompletableFuture<List<NlMessage>>> deletions = new ArrayList<>();
        lists.forEach((namespace, list) -> {
            Set<Entry> old = before.get(namespace);
            List<NetlinkRequest> requests = new ArrayList<>();
            for (Entry entry : learned(Answers.await(list))) {
                if (!old.contains(entry)) {
                    requests.add(new NetlinkRequest("ip neigh del " + entry.address().getHostAddress() + " dev "
                            + entry.ifindex(), NeighbourRequests.delete(entry.ifindex(), entry.address())));
                }
            }
            deletions.addAll(channels.get(namespace).sendAll(requests));
        });
        int removed = 0;
        for (CompletableFuture<List<NlMessage>> answer : deletions) {
            try {
                Answers.await(answer);
                removed++;
            } catch (KernelException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
            }
        }
        return removed;
    }

    private static NetlinkRequest list() {
        return new NetlinkRequest("ip neigh show", DumpRequests.neighbours(0));
    }

    /** Of a namespace's entries, those the kernel learned for one of the addresses. */
    private List<Entry> learned(List<NlMessage> list) {
        List<Entry> entries = new ArrayList<>();
        for (NlMessage reply : list) {
            if (reply.payload() instanceof NeighbourMessage entry
                    && (entry.header().state() & (NdMsg.NUD_PERMANENT | NdMsg.NUD_NOARP)) == 0
                    && entry.destination().filter(addresses::contains).isPresent()) {
                entries.add(new Entry(entry.header().ifindex(), entry.destination().get()));
            }
        }
        return entries;
    }
}
