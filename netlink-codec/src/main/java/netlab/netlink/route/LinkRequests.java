package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_DUMP;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.RawAttribute;
import netlab.netlink.route.LinkAttribute.Info;
import netlab.netlink.route.LinkAttribute.Name;

/**
 * Link requests as iproute2 sends them (type, flags and attribute order as captured), with the
 * sequence number and port id left for the channel. Links are named by ifindex: iproute2 looks
 * the index up first, and so must the caller. A creation takes the link's options (its MAC
 * address, a group, a master, a namespace) as attributes, which go before the name as iproute2
 * writes the options given before {@code type}.
 */
public final class LinkRequests {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int CHANGE = NLM_F_REQUEST | NLM_F_ACK;

    /**
     * IFLA_AF_SPEC > AF_INET6 > IFLA_INET6_ADDR_GEN_MODE = IN6_ADDR_GEN_MODE_NONE, as iproute2
     * writes it (no NLA_F_NESTED; {@code <linux/if_link.h>}). The kernel refuses it at creation
     * (EAFNOSUPPORT: the IPv6 state of a device exists only once the device does).
     */
    private static final LinkAttribute ADDR_GEN_MODE_NONE = new LinkAttribute.Other(new RawAttribute(
            LinkAttribute.IFLA_AF_SPEC, new byte[] {12, 0, 10, 0, 5, 0, 8, 0, 1, 0, 0, 0}));

    private LinkRequests() {}

    /** Equivalent to: {@code ip link add NAME [address MAC] [group G] type bridge}. */
    public static NlMessage createBridge(String name, List<LinkAttribute> options) {
        List<LinkAttribute> attributes = new ArrayList<>(options);
        attributes.add(new Name(name));
        attributes.add(new Info(new LinkInfo(List.of(new LinkInfo.Kind(BridgeInfo.KIND)))));
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), attributes);
    }

    /**
     * A veth pair whose ends carry the given options besides their names (a MAC address, a
     * group, a master, the peer's namespace). Equivalent to: {@code ip link add NAME [address
     * MAC] [group G] [master M] type veth peer name PEER [address MAC] [netns NS] [group G]}.
     */
    public static NlMessage createVeth(String name, List<LinkAttribute> end, String peerName, List<LinkAttribute> peer) {
        List<LinkAttribute> peerAttributes = new ArrayList<>(peer);
        peerAttributes.add(new Name(peerName));
        List<LinkAttribute> attributes = new ArrayList<>(end);
        attributes.add(new Name(name));
        attributes.add(new Info(LinkInfo.of(VethInfo.peer(peerAttributes.toArray(LinkAttribute[]::new)))));
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), attributes);
    }

    /**
     * {@code mode} is a MacvlanInfo.MACVLAN_MODE_* value. Equivalent to: {@code ip link add NAME
     * [address MAC] [netns NS] [group G] link PARENT type macvlan mode MODE}.
     */
    public static NlMessage createMacvlan(String name, List<LinkAttribute> options, int parentIndex, int mode) {
        List<LinkAttribute> attributes = new ArrayList<>(options);
        attributes.add(new LinkAttribute.Link(parentIndex));
        attributes.add(new Name(name));
        attributes.add(new Info(LinkInfo.of(MacvlanInfo.mode(mode))));
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), attributes);
    }

    /**
     * Equivalent to: {@code ip link add NAME [address MAC] [master BR] [group G] type vxlan id VNI
     * remote REMOTE [local LOCAL] dstport PORT nolearning [dev UNDERLAY]} ({@link VxlanInfo#pointToPoint}).
     */
    public static NlMessage createVxlan(String name, List<LinkAttribute> options, VxlanInfo vxlan) {
        List<LinkAttribute> attributes = new ArrayList<>(options);
        attributes.add(new Name(name));
        attributes.add(new Info(LinkInfo.of(vxlan)));
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), attributes);
    }

    /**
     * A live vxlan's far end moved: the kernel keeps the rest of its configuration (and drops the
     * other flooding entries with the old one). Equivalent to: {@code ip link set DEV type vxlan
     * remote REMOTE}.
     */
    public static NlMessage setVxlanRemote(int index, java.net.InetAddress remote) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, IfInfoMsg.request(index),
                List.of(new Info(LinkInfo.of(new VxlanInfo(List.of(new VxlanInfo.Remote(remote)))))));
    }

    /**
     * Deletes every link of a group at once. Equivalent to: {@code ip link delete group G}.
     * The kernel answers ENODEV when the group has no link.
     */
    public static NlMessage deleteGroup(int group) {
        return request(RtmTypes.RTM_DELLINK, CHANGE, IfInfoMsg.request(0), List.of(new LinkAttribute.Group(group)));
    }

    /** Equivalent to: {@code ip link del DEV}. */
    public static NlMessage delete(int index) {
        return request(RtmTypes.RTM_DELLINK, CHANGE, IfInfoMsg.request(index), List.of());
    }

    /** Equivalent to: {@code ip link set dev DEV up [alias ALIAS]}: the options ride along. */
    public static NlMessage setUp(int index, List<LinkAttribute> options) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE,
                new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, IfInfoMsg.IFF_UP, IfInfoMsg.IFF_UP), options);
    }

    /** Equivalent to: {@code ip link set dev DEV down}: IFF_UP cleared, and only it changed. */
    public static NlMessage setDown(int index) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, 0, IfInfoMsg.IFF_UP),
                List.of());
    }

    /**
     * No IPv6 link-local address when the link comes up: for lab interfaces that carry no IPv6,
     * so that they send no duplicate address detection, router or MLD solicitations (on a big
     * bridge these multicasts reach every port). Sent before the link is brought up: in one
     * request with the up, the kernel brings the link up before it applies the mode. Equivalent
     * to: {@code ip link set dev DEV addrgenmode none}.
     */
    public static NlMessage setAddrGenModeNone(int index) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, 0, 0),
                List.of(ADDR_GEN_MODE_NONE));
    }

    /** Equivalent to: {@code ip link set dev DEV mtu MTU}. */
    public static NlMessage setMtu(int index, int mtu) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, IfInfoMsg.request(index), List.of(new LinkAttribute.Mtu(mtu)));
    }

    /** Every link. Equivalent to: {@code ip link show}. */
    public static NlMessage dump() {
        return request(RtmTypes.RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP,
                new IfInfoMsg(RtFamily.AF_PACKET, 0, 0, 0, 0), List.of(new LinkAttribute.ExtMask(LinkAttribute.RTEXT_FILTER_VF)));
    }

    private static NlMessage request(int type, int flags, IfInfoMsg header, List<LinkAttribute> attributes) {
        return NlMessage.request(type, flags, new LinkMessage(header, attributes));
    }
}
