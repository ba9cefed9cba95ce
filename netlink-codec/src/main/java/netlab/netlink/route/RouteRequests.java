package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import netlab.netlink.NlMessage;

/**
 * Route requests as iproute2 sends them: the message type and NLM_F_* flags are the request's
 * own, the route itself is built with {@link RouteMessage}'s factories and {@code with...}
 * methods; sequence number and port id are left for the channel.
 */
public final class RouteRequests {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int DELETE = NLM_F_REQUEST | NLM_F_ACK;

    private RouteRequests() {}

    /**
     * Equivalent to: {@code ip route add ROUTE}, e.g. for
     * {@code RouteMessage.defaultVia(gateway).withDevice(index)}: {@code ip route add default via
     * GATEWAY dev DEV}. NLM_F_EXCL: a route that exists already is refused, not replaced.
     */
    public static NlMessage add(RouteMessage route) {
        return NlMessage.request(RtmTypes.RTM_NEWROUTE, CREATE, route);
    }

    /**
     * Equivalent to: {@code ip route del ROUTE}, for a deletion built on {@link
     * RouteMessage#delete}, e.g. {@code RouteMessage.delete(destination, 24).withGateway(gateway)
     * .withMetric(5).withDevice(1).withProtocol(211)}: {@code ip route del DESTINATION/24 via
     * GATEWAY metric 5 dev lo proto 211}, which deletes only a route of protocol 211.
     */
    public static NlMessage delete(RouteMessage route) {
        return NlMessage.request(RtmTypes.RTM_DELROUTE, DELETE, route);
    }
}
