package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_APPEND;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REPLACE;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import java.net.InetAddress;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;

/**
 * Neighbour requests as iproute2 sends them: the message type and NLM_F_* flags are the
 * request's own; sequence number and port id are left for the channel.
 */
public final class NeighbourRequests {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int REPLACE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE | NLM_F_CREATE;
    private static final int DELETE = NLM_F_REQUEST | NLM_F_ACK;

    private NeighbourRequests() {}

    /** Equivalent to: {@code ip neigh add ADDRESS lladdr MAC dev IFINDEX nud permanent}. */
    public static NlMessage addPermanent(int ifindex, InetAddress address, MacAddress mac) {
        return NlMessage.request(RtmTypes.RTM_NEWNEIGH, CREATE, NeighbourMessage.permanent(ifindex, address, mac));
    }

    /** Equivalent to: {@code ip neigh replace ADDRESS lladdr MAC dev IFINDEX nud permanent}. */
    public static NlMessage replacePermanent(int ifindex, InetAddress address, MacAddress mac) {
        return NlMessage.request(RtmTypes.RTM_NEWNEIGH, REPLACE, NeighbourMessage.permanent(ifindex, address, mac));
    }

    /** Equivalent to: {@code bridge fdb append 00:00:00:00:00:00 dev IFINDEX dst REMOTE}. */
    public static NlMessage appendFlood(int ifindex, InetAddress remote) {
        return NlMessage.request(RtmTypes.RTM_NEWNEIGH, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_APPEND,
                NeighbourMessage.flood(ifindex, remote));
    }

    /** Equivalent to: {@code bridge fdb del 00:00:00:00:00:00 dev IFINDEX dst REMOTE}. */
    public static NlMessage deleteFlood(int ifindex, InetAddress remote) {
        return NlMessage.request(RtmTypes.RTM_DELNEIGH, DELETE, NeighbourMessage.flood(ifindex, remote));
    }

    /** Equivalent to: {@code ip neigh del ADDRESS dev IFINDEX}. */
    public static NlMessage delete(int ifindex, InetAddress address) {
        return NlMessage.request(RtmTypes.RTM_DELNEIGH, DELETE, NeighbourMessage.delete(ifindex, address));
    }
}
