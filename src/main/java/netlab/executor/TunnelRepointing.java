package netlab.executor;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.NeighbourRequests;
import netlab.state.LabState;
import netlab.topology.Addresses;
import netlab.topology.Endpoint;
import netlab.topology.Node;

/**
 * The far ends of a running lab's vxlans moved (a machine of a split lab came back at another
 * address): each tunnel is pointed at the new ones in place, as {@code ip link set IF type vxlan
 * remote ADDR} and {@code bridge fdb del/append} do; nothing is made or removed, so traffic of
 * the other tunnels never stops. A vxlan's first far end is its own remote; the others are
 * flooding entries, which the kernel drops when that remote changes, so they are put back then.
 */
public final class TunnelRepointing {
    private TunnelRepointing() {}

    /** Points each vxlan of {@code moved} from its far ends {@code before} to those {@code after}. */
    public static void repoint(LabState state, Map<Endpoint, List<InetAddress>> before,
            Map<Endpoint, List<InetAddress>> after) {
        try (LabSession session = new LabSession(state.lab(), state.group())) {
            after.forEach((vxlan, remotes) -> {
                List<InetAddress> old = before.get(vxlan);
                if (old != null && !old.equals(remotes)) {
                    repoint(session, vxlan, old, remotes);
                }
            });
        }
    }

    private static void repoint(LabSession session, Endpoint vxlan, List<InetAddress> old, List<InetAddress> remotes) {
        int index = session.index(vxlan.node(), vxlan.interfaceName());
        List<NetlinkRequest> requests = new ArrayList<>();
        String bridge = Node.HOST.equals(vxlan.node()) ? "bridge" : "bridge -n " + vxlan.node();
        String ip = Node.HOST.equals(vxlan.node()) ? "ip" : "ip -n " + vxlan.node();
        boolean firstMoved = !old.getFirst().equals(remotes.getFirst());
        if (firstMoved) {
            requests.add(new NetlinkRequest(ip + " link set " + vxlan.interfaceName() + " type vxlan remote "
                    + Addresses.format(remotes.getFirst()), LinkRequests.setVxlanRemote(index, remotes.getFirst())));
        }
        // The flooding entries: all put back when the remote moved (the kernel dropped them), else
        // those gone deleted and those new appended.
        List<InetAddress> oldFlood = firstMoved ? List.of() : old.subList(1, old.size());
        List<InetAddress> newFlood = remotes.subList(1, remotes.size());
        for (InetAddress gone : oldFlood) {
            if (!newFlood.contains(gone)) {
                requests.add(new NetlinkRequest(bridge + " fdb del 00:00:00:00:00:00 dev " + vxlan.interfaceName()
                        + " dst " + Addresses.format(gone), NeighbourRequests.deleteFlood(index, gone)));
            }
        }
        for (InetAddress added : newFlood) {
            if (!oldFlood.contains(added)) {
                requests.add(new NetlinkRequest(bridge + " fdb append 00:00:00:00:00:00 dev " + vxlan.interfaceName()
                        + " dst " + Addresses.format(added), NeighbourRequests.appendFlood(index, added)));
            }
        }
        for (NetlinkRequest request : requests) {
            session.route(vxlan.node()).call(request);
        }
    }
}
