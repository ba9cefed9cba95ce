package netlab.executor;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import netlab.error.FailureKind;
import netlab.error.InterruptedWaitException;
import netlab.error.NetlabException;
import netlab.executor.step.AddressStep;
import netlab.executor.step.Step;
import netlab.kernel.Answers;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.DumpRequests;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtFamily;
import netlab.netlink.route.RtMsg;
import netlab.plan.Operation;
import netlab.topology.Addresses;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * {@code up} returns when the lab can carry traffic, not merely when the kernel accepted the
 * requests: a link set up is usable once the kernel's link watcher has seen its carrier, given
 * it a real queue and set its operstate UP, which happens a moment later (seconds on a busy
 * kernel, e.g. one still tearing down many namespaces); until then packets are dropped (ping
 * says "No buffer space available").
 *
 * <p>An IPv6 address, too, is usable a moment after the request that adds it, {@code nodad} or
 * not: the kernel joins its solicited-node multicast group and adds its local route from a work
 * queue ({@code addrconf_dad_work}, which takes the rtnl lock netlab's own requests hold). Until
 * then a neighbour solicitation for it is dropped and a packet to it is not delivered: in
 * dual-stack stars of 200 and 1000 nodes, some first pings waited a second for the next
 * solicitation (runs where the work queue lagged behind up). The local route comes last, so it is
 * the sign to wait for. An IPv4 address has its route and needs
 * no group when its request is answered.
 *
 * <p>Asks every namespace that still has a link or an address waiting, all at once, and asks
 * again after a short pause that doubles up to {@link #LONGEST_PAUSE}. Listening for
 * notifications instead would need a socket in every namespace, which costs more than the few
 * rounds of questions that a lab needs (usually one or two); a lab without IPv6 asks nothing
 * about addresses.
 */
final class LinkReadiness {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
    /** {@code IF_OPER_UP} of {@code enum if_oper} in {@code <linux/if.h>}. */
    private static final int IF_OPER_UP = 6;

    private LinkReadiness() {}

    /**
     * Waits until every veth end and macvlan of the lab is operationally up, and every IPv6
     * address {@code steps} add has its local route.
     */
    static void await(Lab lab, List<Step> steps, LabSession session) {
        Map<String, List<String>> waiting = carrierLinks(lab);
        Map<String, Map<InetAddress, String>> addresses = ipv6Addresses(steps);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            waiting.keySet().forEach(session::forgetLinks);
            session.prefetchLinks(waiting.keySet());
            waiting = notUpYet(waiting, session);
            // Not sent with the link dumps: a netlink socket runs one dump at a time (EBUSY).
            addresses = withoutLocalRoute(addresses, askLocalRoutes(addresses.keySet(), session));
            if (waiting.isEmpty() && addresses.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new NotUpInTime("these did not come up within " + PATIENCE.toSeconds() + " s: "
                        + describe(waiting, addresses));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                throw new InterruptedWaitException("waiting for the lab's links", e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static Map<String, List<String>> notUpYet(Map<String, List<String>> links, LabSession session) {
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        links.forEach((node, names) -> {
            for (String name : names) {
                LinkMessage link = session.link(node, name);
                // Not IFF_LOWER_UP: that flag is set with the carrier, before the link watcher
                // attaches the real queue; it sets operstate UP (under rtnl, with the queue).
                if (link.operState().orElse(0) != IF_OPER_UP) {
                    waiting.computeIfAbsent(node, n -> new ArrayList<>()).add(name);
                }
            }
        });
        return waiting;
    }

    /** The IPv6 addresses the steps add, by node, each with its interface (for a message). */
    private static Map<String, Map<InetAddress, String>> ipv6Addresses(List<Step> steps) {
        Map<String, Map<InetAddress, String>> addresses = new LinkedHashMap<>();
        for (Step step : steps) {
            if (step instanceof AddressStep(Operation.AddAddress add) && !add.address().isIpv4()) {
                addresses.computeIfAbsent(add.node(), n -> new LinkedHashMap<>())
                        .put(add.address().address(), add.interfaceName());
            }
        }
        return addresses;
    }

    /** {@code ip -6 route show table local} in every node, all sent before any is awaited. */
    private static Map<String, CompletableFuture<List<NlMessage>>> askLocalRoutes(Collection<String> nodes,
            LabSession session) {
        Map<String, CompletableFuture<List<NlMessage>>> dumps = new LinkedHashMap<>();
        for (String node : nodes) {
            dumps.put(node, session.route(node).send(new NetlinkRequest("list the local IPv6 routes of "
                    + LabSession.where(node), DumpRequests.localTableRoutes(RtFamily.AF_INET6))));
        }
        return dumps;
    }

    private static Map<String, Map<InetAddress, String>> withoutLocalRoute(Map<String, Map<InetAddress, String>> addresses,
            Map<String, CompletableFuture<List<NlMessage>>> localRoutes) {
        Map<String, Map<InetAddress, String>> waiting = new LinkedHashMap<>();
        addresses.forEach((node, byAddress) -> {
            Set<InetAddress> routed = new HashSet<>();
            for (NlMessage reply : Answers.await(localRoutes.get(node))) {
                RouteMessage route = (RouteMessage) reply.payload();
                if (route.header().type() == RtMsg.RTN_LOCAL) {
                    route.destination().ifPresent(routed::add);
                }
            }
            byAddress.forEach((address, name) -> {
                if (!routed.contains(address)) {
                    waiting.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(address, name);
                }
            });
        });
        return waiting;
    }

    private static String describe(Map<String, List<String>> links, Map<String, Map<InetAddress, String>> addresses) {
        List<String> names = new ArrayList<>();
        links.forEach((node, inNode) -> inNode.forEach(link -> names.add(link + " in " + LabSession.where(node))));
        addresses.forEach((node, byAddress) -> byAddress.forEach((address, link) -> names.add(
                Addresses.format(address) + " on " + link + " in " + LabSession.where(node))));
        return String.join(", ", names);
    }

    /** Veth ends and macvlans by node: they get a carrier once up (a bridge only with ports). */
    private static Map<String, List<String>> carrierLinks(Lab lab) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.VethEnd || i instanceof NetInterface.Macvlan) {
                    links.computeIfAbsent(node.name(), n -> new ArrayList<>()).add(i.name());
                }
            }
        }
        return links;
    }

    /** The kernel accepted every request but did not bring the links up: its doing, not the file's. */
    static final class NotUpInTime extends NetlabException {
        private static final long serialVersionUID = 1L;

        NotUpInTime(String message) {
            super(message);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.KERNEL;
        }
    }
}
