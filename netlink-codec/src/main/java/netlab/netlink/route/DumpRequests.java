package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_DUMP;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import netlab.netlink.NlMessage;

/**
 * The rtnetlink dumps that read a namespace back (addresses, routes, neighbours, qdiscs), as
 * iproute2 sends them; links have theirs in {@link LinkRequests#dump()}. Sequence number and port
 * id are left for the channel.
 */
public final class DumpRequests {
    private static final int DUMP = NLM_F_REQUEST | NLM_F_DUMP;

    private DumpRequests() {}

    /** Equivalent to: {@code ip addr show} (AF_UNSPEC), {@code ip -4 addr show} (AF_INET). */
    public static NlMessage addresses(int family) {
        return NlMessage.request(RtmTypes.RTM_GETADDR, DUMP, AddressMessage.dumpAll(family));
    }

    /** Equivalent to: {@code ip route show} (AF_INET), {@code ip -6 route show} (AF_INET6). */
    public static NlMessage mainTableRoutes(int family) {
        return NlMessage.request(RtmTypes.RTM_GETROUTE, DUMP, RouteMessage.dumpMainTable(family));
    }

    /**
     * Equivalent to: {@code ip -6 route show table local} (AF_INET6): the routes the kernel adds
     * for the namespace's own addresses.
     */
    public static NlMessage localTableRoutes(int family) {
        return NlMessage.request(RtmTypes.RTM_GETROUTE, DUMP, RouteMessage.dumpTable(family, RtMsg.RT_TABLE_LOCAL));
    }

    /** Equivalent to: {@code ip neigh show} (AF_UNSPEC), {@code ip -4 neigh show} (AF_INET). */
    public static NlMessage neighbours(int family) {
        return NlMessage.request(RtmTypes.RTM_GETNEIGH, DUMP, NeighbourMessage.dumpAll(family));
    }

    /** Equivalent to: {@code tc qdisc show}: every qdisc of every device. */
    public static NlMessage qdiscs() {
        return NlMessage.request(RtmTypes.RTM_GETQDISC, DUMP, QdiscMessage.dumpAll());
    }
}
