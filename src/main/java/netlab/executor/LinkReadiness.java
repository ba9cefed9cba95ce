package netlab.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.error.FailureKind;
import netlab.error.InterruptedWaitException;
import netlab.error.NetlabException;
import netlab.netlink.route.LinkMessage;
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
 * <p>Asks every namespace that still has a link waiting, all at once, and asks again after a
 * short pause that doubles up to {@link #LONGEST_PAUSE}. Listening for link notifications
 * instead would need a socket in every namespace, which costs more than the few rounds of
 * questions that a lab needs (usually one or two).
 */
final class LinkReadiness {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
    /** {@code IF_OPER_UP} of {@code enum if_oper} in {@code <linux/if.h>}. */
    private static final int IF_OPER_UP = 6;

    private LinkReadiness() {}

    /** Waits until every veth end and macvlan of the lab is operationally up. */
    static void await(Lab lab, LabSession session) {
        Map<String, List<String>> waiting = carrierLinks(lab);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            waiting.keySet().forEach(session::forgetLinks);
            session.prefetchLinks(waiting.keySet());
            waiting = notUpYet(waiting, session);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new NotUpInTime("these interfaces did not come up within " + PATIENCE.toSeconds()
                        + " s: " + describe(waiting));
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

    private static String describe(Map<String, List<String>> waiting) {
        List<String> names = new ArrayList<>();
        waiting.forEach((node, links) -> links.forEach(link -> names.add(link + " in " + LabSession.where(node))));
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
