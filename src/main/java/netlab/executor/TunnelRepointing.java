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
 * flooding entries, which stay when the remote changes, so those that went are deleted
 * ({@link FarEndChanges}).
 */
public final class TunnelRepointing {
    private TunnelRepointing() {}

    /** Points each vxlan in {@code after} whose far ends differ from {@code before} at those of {@code after}. */
    public static void repoint(LabState state, Map<Endpoint, List<InetAddress>> before,
            Map<Endpoint, List<InetAddress>> after) {
        try (LabSession session = new LabSession(state.lab(), state.group())) {
            after.forEach((vxlan, remotes) -> {
                List<InetAddress> old = before.get(vxlan);
                if (old != null && !old.equals(remotes)) {
                    repoint(session, vxlan, FarEndChanges.between(old, remotes));
                }
            });
        }
    }

    private static void repoint(LabSession session, Endpoint vxlan, FarEndChanges changes) {
        int index = session.index(vxlan.node(), vxlan.interfaceName());
        String name = vxlan.interfaceName();
        String bridge = Node.HOST.equals(vxlan.node()) ? "bridge" : "bridge -n " + vxlan.node();
        String ip = Node.HOST.equals(vxlan.node()) ? "ip" : "ip -n " + vxlan.node();
        List<NetlinkRequest> requests = new ArrayList<>();
        changes.remote().ifPresent(remote -> requests.add(new NetlinkRequest(ip + " link set " + name
                + " type vxlan remote " + Addresses.format(remote), LinkRequests.setVxlanRemote(index, remote))));
        for (InetAddress gone : changes.deleted()) {
            requests.add(new NetlinkRequest(bridge + " fdb del 00:00:00:00:00:00 dev " + name + " dst "
                    + Addresses.format(gone), NeighbourRequests.deleteFlood(index, gone)));
        }
        for (InetAddress added : changes.appended()) {
            requests.add(new NetlinkRequest(bridge + " fdb append 00:00:00:00:00:00 dev " + name + " dst "
                    + Addresses.format(added), NeighbourRequests.appendFlood(index, added)));
        }
        for (NetlinkRequest request : requests) {
            session.route(vxlan.node()).call(request);
        }
    }
}
