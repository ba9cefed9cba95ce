package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REPLACE;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import netlab.netlink.NlMessage;

/**
 * Qdisc requests as tc sends them: the message type and NLM_F_* flags are the request's own, the
 * options are built with {@link TbfOptions} or {@link NetemOptions}; sequence number and port id
 * are left for the channel.
 */
public final class QdiscRequests {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int REPLACE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE;
    private static final int DELETE = NLM_F_REQUEST | NLM_F_ACK;

    private QdiscRequests() {}

    /**
     * Equivalent to: {@code tc qdisc add dev IFINDEX root KIND OPTIONS}, e.g. for {@code
     * TbfOptions.withLatency(1_000_000, 1514, 50_000)}: {@code tc qdisc add dev IFINDEX root tbf rate
     * 1000000bit burst 1514b latency 50ms}. It replaces the device's default qdisc; with NLM_F_EXCL,
     * a root qdisc added before is refused (EEXIST, "Exclusivity flag on, cannot modify").
     */
    public static NlMessage addRoot(int ifindex, QdiscOptions options) {
        return NlMessage.request(RtmTypes.RTM_NEWQDISC, CREATE, QdiscMessage.root(ifindex, options));
    }

    /**
     * Equivalent to: {@code tc qdisc replace dev IFINDEX root KIND OPTIONS}: a root qdisc of the
     * same kind is changed in place, one of another kind or the device's default replaced.
     */
    public static NlMessage replaceRoot(int ifindex, QdiscOptions options) {
        return NlMessage.request(RtmTypes.RTM_NEWQDISC, REPLACE, QdiscMessage.root(ifindex, options));
    }

    /**
     * Equivalent to: {@code tc qdisc del dev IFINDEX root}: the device is back to its default qdisc.
     * A device with only its default refuses ("Cannot delete qdisc with handle of zero").
     */
    public static NlMessage deleteRoot(int ifindex) {
        return NlMessage.request(RtmTypes.RTM_DELQDISC, DELETE, QdiscMessage.deleteRoot(ifindex));
    }
}
