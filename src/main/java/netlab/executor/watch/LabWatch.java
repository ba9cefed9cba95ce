package netlab.executor.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import netlab.error.InterruptedWaitException;
import netlab.error.LabStateException;
import netlab.kernel.Kernel;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtnetlinkGroups;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.sys.NetlinkSocket;
import netlab.topology.Node;

/**
 * {@code netlab watch}: one rtnetlink socket per namespace of a lab (the host's too when the lab
 * has interfaces there), bound to the link, address, route and neighbour groups and opened on a
 * thread inside its namespace, all read by netlab's Netty loop. The loop only queues what
 * arrives; the caller's thread decodes it in order, and between arrivals looks whether the lab
 * is still up: the sockets hold its namespaces alive, so their going away is seen in the record
 * and under /run/netns, not in the kernel's messages.
 */
public final class LabWatch implements AutoCloseable {
    /** Every group {@code ip monitor} listens to for links, addresses, routes and neighbours. */
    static final int GROUPS = RtnetlinkGroups.LINKS_ADDRESSES_ROUTES | RtnetlinkGroups.RTMGRP_NEIGH;
    /** How often, without events, the lab is looked at. Not a deadline: only how soon watch ends. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(200);

    private record Arrival(NodeEvents node, NlMessage message, Instant time) {}

    private final StateStore store;
    private final LabState state;
    private final Kernel kernel = new Kernel();
    private final List<NetNamespace> namespaces = new ArrayList<>();
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

    private LabWatch(StateStore store, LabState state) {
        this.store = store;
        this.state = state;
    }

    /** Subscribes to every namespace of the lab; events are read once {@link #run} is called. */
    public static LabWatch open(StateStore store, LabState state) {
        LabWatch watch = new LabWatch(store, state);
        try {
            if (!state.hostLinks().isEmpty()) {
                watch.subscribe(NetNamespace.host(), Node.HOST, Set.copyOf(state.hostLinks())::contains);
            }
            for (LabState.NamespaceRecord record : state.namespaces()) {
                NetNamespace namespace = NamedNamespaces.open(record.name());
                if (namespace.inode() != record.inode()) {
                    namespace.close();
                    throw new LabStateException("namespace " + record.name() + " is not the one lab " + state.lab()
                            + " made; remove what is left with: netlab down " + state.lab());
                }
                watch.subscribe(namespace, record.name(), name -> true);
            }
            return watch;
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    /** Subscribes first, then dumps the links, so that no change between the two is missed. */
    private void subscribe(NetNamespace namespace, String node, Predicate<String> ours) {
        namespaces.add(namespace);
        NodeEvents events = new NodeEvents(node, ours);
        NetlinkChannel channel = kernel.subscribe(namespace, NetlinkSocket.NETLINK_ROUTE, GROUPS,
                RtnetlinkDecoder.INSTANCE, message -> arrivals.add(new Arrival(events, message, Instant.now())));
        List<NlMessage> links = channel.call(new NetlinkRequest("list the links of " + namespace.describe(),
                LinkRequests.dump()));
        // The caller's thread learns these before it reads any arrival: NodeEvents has one thread.
        links.forEach(link -> events.know((LinkMessage) link.payload()));
    }

    /**
     * Hands every event to {@code events}, in the order each namespace sent them, until the lab
     * is no longer up (returns) or the thread is interrupted (throws InterruptedWaitException).
     */
    public void run(Consumer<LabEvent> events) {
        while (true) {
            Arrival arrival;
            try {
                arrival = arrivals.poll(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new InterruptedWaitException("watching lab " + state.lab(), e);
            }
            if (arrival == null) {
                if (!stillUp()) {
                    return;
                }
            } else {
                arrival.node().read(arrival.message(), arrival.time()).ifPresent(events);
            }
        }
    }

    /** The lab's record says up, and each of its namespaces is still at its name. */
    private boolean stillUp() {
        if (store.load(state.lab()).filter(LabState::isUp).isEmpty()) {
            return false;
        }
        for (LabState.NamespaceRecord record : state.namespaces()) {
            if (NamedNamespaces.inode(record.name()).orElse(-1) != record.inode()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        kernel.close();
        namespaces.forEach(NetNamespace::close);
    }
}
