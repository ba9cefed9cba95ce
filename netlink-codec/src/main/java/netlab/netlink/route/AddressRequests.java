package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import java.net.InetAddress;
import netlab.netlink.NlMessage;

/**
 * Address requests as iproute2 sends them: the message type and NLM_F_* flags are the
 * request's own; sequence number and port id are left for the channel.
 */
public final class AddressRequests {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int DELETE = NLM_F_REQUEST | NLM_F_ACK;

    private AddressRequests() {}

    /** Equivalent to: {@code ip addr add ADDRESS/PREFIX dev IFINDEX}. */
    public static NlMessage add(int ifindex, InetAddress address, int prefixLength) {
        return NlMessage.request(RtmTypes.RTM_NEWADDR, CREATE, AddressMessage.add(ifindex, address, prefixLength));
    }

    /**
     * An IPv6 address usable at once, without duplicate address detection. Equivalent to:
     * {@code ip addr add ADDRESS/PREFIX dev IFINDEX nodad}.
     */
    public static NlMessage addWithoutDad(int ifindex, InetAddress address, int prefixLength) {
        return NlMessage.request(RtmTypes.RTM_NEWADDR, CREATE, AddressMessage.addNoDad(ifindex, address, prefixLength));
    }

    /** Equivalent to: {@code ip addr del ADDRESS/PREFIX dev IFINDEX}. */
    public static NlMessage delete(int ifindex, InetAddress address, int prefixLength) {
        return NlMessage.request(RtmTypes.RTM_DELADDR, DELETE, AddressMessage.delete(ifindex, address, prefixLength));
    }
}
