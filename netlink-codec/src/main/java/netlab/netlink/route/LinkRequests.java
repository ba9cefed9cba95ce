package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_APPEND;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_DUMP;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import java.net.InetAddress;
import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkAttribute.AltName;
import netlab.netlink.route.LinkAttribute.Info;
import netlab.netlink.route.LinkAttribute.Name;

/**
 * Link requests as iproute2 sends them (type, flags and attribute order as captured), with the
 * sequence number and port id left for the channel. Links are named by ifindex: iproute2 looks
 * the index up first, and so must the caller.
 */
public final class LinkRequests {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int CHANGE = NLM_F_REQUEST | NLM_F_ACK;

    private LinkRequests() {}

    /** Equivalent to: {@code ip link add NAME type veth peer name PEER}. */
    public static NlMessage createVeth(String name, String peerName) {
        return create(new Name(name), VethInfo.peer(new Name(peerName)));
    }

    /**
     * The peer is created directly in another namespace, given by an open fd of it
     * ({@code /run/netns/NS}). Equivalent to: {@code ip link add NAME type veth peer name PEER netns NS}.
     */
    public static NlMessage createVethWithPeerInNamespace(String name, String peerName, int peerNetnsFd) {
        return create(new Name(name), VethInfo.peer(new LinkAttribute.NetNsFd(peerNetnsFd), new Name(peerName)));
    }

    /**
     * A veth pair whose ends carry the given attributes besides their names (their namespace,
     * a master, a group). Equivalent to:
     * {@code ip link add NAME [group G] [master M] type veth peer name PEER [netns NS] [group G]}.
     */
    public static NlMessage createVeth(String name, List<LinkAttribute> end, String peerName, List<LinkAttribute> peer) {
        List<LinkAttribute> peerAttributes = new java.util.ArrayList<>(peer);
        peerAttributes.add(new Name(peerName));
        // iproute2's order: the options first, then the name, then linkinfo.
        List<LinkAttribute> attributes = new java.util.ArrayList<>(end);
        attributes.add(new Name(name));
        attributes.add(new Info(LinkInfo.of(VethInfo.peer(peerAttributes.toArray(LinkAttribute[]::new)))));
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), attributes.toArray(LinkAttribute[]::new));
    }

    /**
     * Deletes every link of a group at once. Equivalent to: {@code ip link delete group G}.
     * The kernel answers ENODEV when the group has no link.
     */
    public static NlMessage deleteGroup(int group) {
        return request(RtmTypes.RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, IfInfoMsg.request(0), new LinkAttribute.Group(group));
    }

    /** Equivalent to: {@code ip link add NAME type veth peer name PEER netns PID}. */
    public static NlMessage createVethWithPeerInProcessNamespace(String name, String peerName, int pid) {
        return create(new Name(name), VethInfo.peer(new LinkAttribute.NetNsPid(pid), new Name(peerName)));
    }

    /** Equivalent to: {@code ip link add NAME type bridge}. */
    public static NlMessage createBridge(String name) {
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0),
                new Name(name), new Info(new LinkInfo(List.of(new LinkInfo.Kind(BridgeInfo.KIND)))));
    }

    /**
     * Times in centiseconds. Equivalent to:
     * {@code ip link add NAME type bridge stp_state STP forward_delay DELAY ageing_time AGEING}.
     */
    public static NlMessage createBridge(String name, int stpState, int forwardDelay, int ageingTime) {
        return create(new Name(name), new BridgeInfo(List.of(new BridgeInfo.StpState(stpState),
                new BridgeInfo.ForwardDelay(forwardDelay), new BridgeInfo.AgeingTime(ageingTime))));
    }

    /**
     * {@code mode} is a MacvlanInfo.MACVLAN_MODE_* value. Equivalent to:
     * {@code ip link add NAME link PARENT type macvlan mode MODE}.
     */
    public static NlMessage createMacvlan(String name, int parentIndex, int mode) {
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), new LinkAttribute.Link(parentIndex),
                new Name(name), new Info(LinkInfo.of(MacvlanInfo.mode(mode))));
    }

    /**
     * Learning stays on, as iproute2 sends it by default. Equivalent to:
     * {@code ip link add NAME type vxlan id VNI remote REMOTE local LOCAL dstport PORT dev DEV}.
     */
    public static NlMessage createVxlan(String name, int vni, InetAddress remote, InetAddress local, int dstPort,
            int deviceIndex) {
        return create(new Name(name), new VxlanInfo(List.of(new VxlanInfo.Link(deviceIndex), new VxlanInfo.Id(vni),
                new VxlanInfo.Local(local), new VxlanInfo.Remote(remote), new VxlanInfo.Learning(true),
                new VxlanInfo.Port(dstPort))));
    }

    /** Equivalent to: {@code ip link set dev DEV up}. */
    public static NlMessage setUp(int index) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE,
                new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, IfInfoMsg.IFF_UP, IfInfoMsg.IFF_UP));
    }

    /**
     * Up, and the IPv6 address generation mode none, in one request. The kernel brings the link
     * up before it applies the mode, so a veth whose peer is already up can get its link-local
     * address anyway; {@link #setAddrGenModeNone} and then {@link #setUp} cannot race. Equivalent
     * to: {@code ip link set dev DEV addrgenmode none up}.
     */
    public static NlMessage setUpWithoutIpv6LinkLocal(int index) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE,
                new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, IfInfoMsg.IFF_UP, IfInfoMsg.IFF_UP), ADDR_GEN_MODE_NONE);
    }

    /**
     * No IPv6 link-local address when the link comes up: for lab interfaces that carry no IPv6,
     * so that they send no duplicate address detection, router or MLD solicitations (on a big
     * bridge these multicasts reach every port). Sent before the link is brought up. Equivalent
     * to: {@code ip link set dev DEV addrgenmode none}.
     */
    public static NlMessage setAddrGenModeNone(int index) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, 0, 0),
                ADDR_GEN_MODE_NONE);
    }

    /**
     * IFLA_AF_SPEC > AF_INET6 > IFLA_INET6_ADDR_GEN_MODE = IN6_ADDR_GEN_MODE_NONE, as iproute2
     * writes it (no NLA_F_NESTED; {@code <linux/if_link.h>}). The kernel refuses it at creation
     * (EAFNOSUPPORT: the IPv6 state of a device exists only once the device does).
     */
    private static final LinkAttribute ADDR_GEN_MODE_NONE = new LinkAttribute.Other(new netlab.netlink.RawAttribute(
            LinkAttribute.IFLA_AF_SPEC, new byte[] {12, 0, 10, 0, 5, 0, 8, 0, 1, 0, 0, 0}));

    /** Equivalent to: {@code ip link set dev DEV down}. */
    public static NlMessage setDown(int index) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, 0, IfInfoMsg.IFF_UP));
    }

    /** Equivalent to: {@code ip link set dev DEV mtu MTU}. */
    public static NlMessage setMtu(int index, int mtu) {
        return change(index, new LinkAttribute.Mtu(mtu));
    }

    /** Equivalent to: {@code ip link set dev DEV master MASTER}. */
    public static NlMessage setMaster(int index, int masterIndex) {
        return change(index, new LinkAttribute.Master(masterIndex));
    }

    /** Equivalent to: {@code ip link set dev DEV nomaster}. */
    public static NlMessage setNoMaster(int index) {
        return change(index, new LinkAttribute.Master(0));
    }

    /** Equivalent to: {@code ip link set dev DEV name NAME}. */
    public static NlMessage rename(int index, String newName) {
        return change(index, new Name(newName));
    }

    /** Equivalent to: {@code ip link set dev DEV alias ALIAS}. */
    public static NlMessage setAlias(int index, String alias) {
        return change(index, new LinkAttribute.Alias(alias));
    }

    /** Equivalent to: {@code ip link set dev DEV group GROUP}. */
    public static NlMessage setGroup(int index, int group) {
        return change(index, new LinkAttribute.Group(group));
    }

    /** Moves the link into the namespace of an open fd. Equivalent to: {@code ip link set dev DEV netns NS}. */
    public static NlMessage moveToNamespace(int index, int netnsFd) {
        return change(index, new LinkAttribute.NetNsFd(netnsFd));
    }

    /** Equivalent to: {@code ip link property add dev DEV altname NAME}. */
    public static NlMessage addAltName(int index, String altName) {
        return request(RtmTypes.RTM_NEWLINKPROP, CREATE | NLM_F_APPEND, IfInfoMsg.request(index),
                new LinkAttribute.PropList(List.of(new AltName(altName))));
    }

    /** Equivalent to: {@code ip link del DEV}. */
    public static NlMessage delete(int index) {
        return request(RtmTypes.RTM_DELLINK, CHANGE, IfInfoMsg.request(index));
    }

    /**
     * By name, without an index lookup first (iproute2 looks the index up, then sends
     * {@link #delete(int)}). Equivalent in effect to: {@code ip link del NAME}.
     */
    public static NlMessage deleteByName(String name) {
        return request(RtmTypes.RTM_DELLINK, CHANGE, IfInfoMsg.request(0), new Name(name));
    }

    /** One link by name, without statistics: the lookup iproute2 does before {@code ip link set dev NAME ...}. */
    public static NlMessage getByName(String name) {
        return request(RtmTypes.RTM_GETLINK, NLM_F_REQUEST, IfInfoMsg.request(0),
                new LinkAttribute.ExtMask(LinkAttribute.RTEXT_FILTER_VF | LinkAttribute.RTEXT_FILTER_SKIP_STATS),
                new Name(name));
    }

    /** Every link. Equivalent to: {@code ip link show}. */
    public static NlMessage dump() {
        return request(RtmTypes.RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP,
                new IfInfoMsg(RtFamily.AF_PACKET, 0, 0, 0, 0), new LinkAttribute.ExtMask(LinkAttribute.RTEXT_FILTER_VF));
    }

    private static NlMessage create(Name name, InfoData data) {
        return request(RtmTypes.RTM_NEWLINK, CREATE, IfInfoMsg.request(0), name, new Info(LinkInfo.of(data)));
    }

    private static NlMessage change(int index, LinkAttribute attribute) {
        return request(RtmTypes.RTM_NEWLINK, CHANGE, IfInfoMsg.request(index), attribute);
    }

    private static NlMessage request(int type, int flags, IfInfoMsg header, LinkAttribute... attributes) {
        return NlMessage.request(type, flags, new LinkMessage(header, attributes));
    }
}
