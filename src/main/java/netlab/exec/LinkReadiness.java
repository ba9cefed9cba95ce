package netlab.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import netlab.netlink.route.LinkMessage;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * {@code up} returns when the lab can carry traffic, not merely when the kernel accepted the
 * requests: a link set up is usable once the kernel's link watcher has seen its carrier, given
 * it a real queue and set its operstate UP, which happens a moment later (seconds on a busy
 * kernel, e.g. one still tearing down many namespaces); until then packets are dropped (ping
 * says "No buffer space available"). Waits on link notifications, never by sleeping.
 */
final class LinkReadiness {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** {@code IF_OPER_UP} of {@code enum if_oper} in {@code <linux/if.h>}. */
    private static final int IF_OPER_UP = 6;

    private LinkReadiness() {}

    /** Waits until every veth end and macvlan of the lab is operationally up. */
    static void await(Lab lab, LabSession session) {
        Map<String, List<String>> wanted = carrierLinks(lab);
        Semaphore changed = new Semaphore(0);
        wanted.keySet().forEach(node -> session.onLinkChanges(node, changed::release));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            changed.drainPermits(); // what happened before this look is in the dump below
            List<String> waiting = new ArrayList<>();
            wanted.forEach((node, names) -> {
                session.forgetLinks(node);
                for (String name : names) {
                    LinkMessage link = session.link(node, name);
                    // Not IFF_LOWER_UP: that flag is set with the carrier, before the link watcher
                    // attaches the real queue; it sets operstate UP (under rtnl, with the queue).
                    if (link.operState().orElse(0) != IF_OPER_UP) {
                        waiting.add(name + " in " + LabSession.where(node));
                    }
                }
            });
            if (waiting.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("these interfaces did not come up within "
                            + PATIENCE.toSeconds() + " s: " + String.join(", ", waiting));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lab's links", e);
            }
        }
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
}
