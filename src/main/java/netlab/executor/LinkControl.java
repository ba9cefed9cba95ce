package netlab.executor;

import java.util.List;
import netlab.error.LabStateException;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespacePresence;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.route.LinkRequests;
import netlab.state.LabState;
import netlab.topology.Node;

/**
 * {@code netlab link LAB NODE:IF down|up}: one of the lab's interfaces taken down or brought back
 * up while the lab runs, as {@code ip link set dev IF down|up} does. Only the lab's own: any
 * interface of a node's namespace while it is still the one the lab recorded (same inode), and in
 * the host only the interfaces the lab made (its record's links), never one of the machine's.
 * Nothing is recorded: the interface is the lab's and goes with it at {@code down}. Taking a link
 * down makes the kernel delete the routes through it; bringing it up puts the lab's routes of
 * that node back ({@link RouteRestore}).
 */
public final class LinkControl {
    private LinkControl() {}

    /** Sets the link's state; returns notes on what could not be put back after an up. */
    public static List<String> set(LabState state, String node, String interfaceName, boolean up) {
        requireTheLabs(state, node, interfaceName);
        try (LabSession session = new LabSession(state.lab(), state.group())) {
            int index;
            try {
                index = session.index(node, interfaceName);
            } catch (IllegalStateException e) {
                throw new LabStateException("lab " + state.lab() + " has no interface " + interfaceName + " in "
                        + LabSession.where(node));
            }
            String command = "ip " + (Node.HOST.equals(node) ? "" : "-n " + node + " ") + "link set dev " + interfaceName
                    + (up ? " up" : " down");
            session.route(node).call(new NetlinkRequest(command,
                    up ? LinkRequests.setUp(index, List.of()) : LinkRequests.setDown(index)));
            return up ? RouteRestore.restore(session, state.lab(), state.file(), node) : List.of();
        }
    }

    private static void requireTheLabs(LabState state, String node, String interfaceName) {
        if (Node.HOST.equals(node)) {
            if (!state.hostLinks().contains(interfaceName)) {
                throw new LabStateException("host:" + interfaceName + " is not an interface lab " + state.lab()
                        + " made; netlab link changes only the lab's own");
            }
            return;
        }
        LabState.NamespaceRecord record = state.namespaces().stream().filter(n -> n.name().equals(node)).findFirst()
                .orElseThrow(() -> new LabStateException("lab " + state.lab() + " has no node " + node));
        if (!(NamedNamespaces.presence(node) instanceof NamespacePresence.Mounted mounted) || mounted.inode() != record.inode()) {
            throw new LabStateException("namespace " + node + " is no longer the one lab " + state.lab()
                    + " made; take the lab down: netlab down " + state.lab());
        }
    }
}
