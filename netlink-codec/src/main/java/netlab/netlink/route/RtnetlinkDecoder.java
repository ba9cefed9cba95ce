package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlPayload;
import netlab.netlink.PayloadDecoder;

/** Decodes the payloads of NETLINK_ROUTE: links, addresses, routes, neighbours and qdiscs. */
public final class RtnetlinkDecoder implements PayloadDecoder {
    public static final RtnetlinkDecoder INSTANCE = new RtnetlinkDecoder();

    private RtnetlinkDecoder() {}

    @Override
    public String typeName(int type) {
        return RtmTypes.name(type);
    }

    @Override
    public NlPayload decode(NlMsgHeader header, ByteBuf message, int offset, int end, DecodePath path) {
        return switch (header.type()) {
            case RtmTypes.RTM_NEWLINK, RtmTypes.RTM_DELLINK, RtmTypes.RTM_GETLINK, RtmTypes.RTM_SETLINK,
                    RtmTypes.RTM_NEWLINKPROP, RtmTypes.RTM_DELLINKPROP ->
                    LinkMessage.decode(message, offset, end, path);
            case RtmTypes.RTM_NEWADDR, RtmTypes.RTM_DELADDR, RtmTypes.RTM_GETADDR ->
                    AddressMessage.decode(message, offset, end, path);
            case RtmTypes.RTM_NEWROUTE, RtmTypes.RTM_DELROUTE, RtmTypes.RTM_GETROUTE ->
                    RouteMessage.decode(message, offset, end, path);
            case RtmTypes.RTM_NEWNEIGH, RtmTypes.RTM_DELNEIGH, RtmTypes.RTM_GETNEIGH ->
                    NeighbourMessage.decode(message, offset, end, path);
            case RtmTypes.RTM_NEWQDISC, RtmTypes.RTM_DELQDISC, RtmTypes.RTM_GETQDISC ->
                    QdiscMessage.decode(message, offset, end, path);
            default -> null;
        };
    }
}
