package netlab.executor.step;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkInfo;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtMsg;
import netlab.netlink.route.VethInfo;

/**
 * What netlab's requests carry beyond what ip sends for the same plan line, removed: the host
 * link group and alias (ownership marks), NLM_F_ECHO (to learn indexes from the answer), and the
 * route protocol 211 (ip's routes are "boot"). Nothing else may differ.
 */
final class RequestMarks {
    private RequestMarks() {}

    static NlMessage strip(NlMessage request) {
        NlMsgHeader h = request.header();
        NlMsgHeader header = new NlMsgHeader(h.length(), h.type(), h.flags() & ~NlmFlags.NLM_F_ECHO, h.sequence(), h.portId());
        return new NlMessage(header, switch (request.payload()) {
            case LinkMessage link -> new LinkMessage(link.header(), strip(link.attributes()));
            case RouteMessage route -> route.header().protocol() == RouteStep.RTPROT_NETLAB
                    ? route.withProtocol(RtMsg.RTPROT_BOOT) : route;
            default -> request.payload();
        });
    }

    private static List<LinkAttribute> strip(List<LinkAttribute> attributes) {
        return attributes.stream().filter(a -> !(a instanceof LinkAttribute.Group || a instanceof LinkAttribute.Alias))
                .map(RequestMarks::stripPeer).toList();
    }

    /** A veth's peer is a link of its own inside IFLA_LINKINFO: its marks go too. */
    private static LinkAttribute stripPeer(LinkAttribute attribute) {
        if (!(attribute instanceof LinkAttribute.Info info) || !(info.info().data().orElse(null) instanceof VethInfo veth)) {
            return attribute;
        }
        List<VethInfo.Attribute> peers = veth.attributes().stream().<VethInfo.Attribute>map(a -> a instanceof VethInfo.Peer peer
                ? new VethInfo.Peer(peer.header(), strip(peer.attributes())) : a).toList();
        return new LinkAttribute.Info(LinkInfo.of(new VethInfo(peers)));
    }
}
