package netlab.executor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.netlink.route.LinkMessage;

/**
 * Finds the other end of each veth among the lab's nodes. A veth's dump carries its peer's
 * ifindex (IFLA_LINK) and, when the peer is in another namespace, that namespace's id as this
 * namespace numbers it (IFLA_LINK_NETNSID). netlab does not map ids to namespaces (that takes
 * RTM_GETNSID per pair); instead the peer is the veth in another node of the lab whose ifindex is
 * our IFLA_LINK and whose IFLA_LINK is our ifindex. When two nodes both fit (possible, indexes are
 * per namespace, but the lab would need two veths with crossed indexes) the peer is left unknown
 * rather than guessed; so is a peer outside the lab.
 */
final class VethPeers {
    private VethPeers() {}

    /** A veth end as a dump shows it, and the node it was read in. */
    record End(String node, LinkMessage link) {}

    /** Per node, per ifindex, the peer. */
    static Map<String, Map<Integer, LabView.Peer>> of(List<End> ends) {
        Map<String, Map<Integer, LabView.Peer>> peers = new HashMap<>();
        for (End end : ends) {
            if (!end.link().kind().equals(Optional.of("veth")) || end.link().link().isEmpty()) {
                continue;
            }
            int peerIndex = end.link().link().get();
            boolean elsewhere = end.link().linkNetnsId().isPresent();
            List<End> candidates = new ArrayList<>();
            for (End other : ends) {
                boolean sameNode = other.node().equals(end.node());
                if (sameNode != elsewhere && other.link().index() == peerIndex
                        && other.link().link().equals(Optional.of(end.link().index()))
                        && other.link().kind().equals(Optional.of("veth")) && other != end) {
                    candidates.add(other);
                }
            }
            if (candidates.size() == 1) {
                End peer = candidates.getFirst();
                peers.computeIfAbsent(end.node(), node -> new HashMap<>())
                        .put(end.link().index(), new LabView.Peer(peer.node(), peer.link().name().orElseThrow()));
            }
        }
        return peers;
    }
}
