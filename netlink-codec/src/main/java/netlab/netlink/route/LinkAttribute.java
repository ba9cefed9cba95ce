package netlab.netlink.route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.MacAddress;
import netlab.netlink.NlAttr;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a link message ({@code IFLA_*} in {@code <linux/if_link.h>}), also used for a
 * veth peer and inside IFLA_PROP_LIST. Dump-only attributes (statistics, IFLA_AF_SPEC, qdisc,
 * ...) and values not in the modelled shape stay {@link Other}, so decode then encode is
 * byte-identical.
 */
public sealed interface LinkAttribute {
    int IFLA_ADDRESS = 1;
    int IFLA_BROADCAST = 2;
    int IFLA_IFNAME = 3;
    int IFLA_MTU = 4;
    int IFLA_LINK = 5;
    int IFLA_MASTER = 10;
    int IFLA_TXQLEN = 13;
    int IFLA_OPERSTATE = 16;
    int IFLA_LINKINFO = 18;
    int IFLA_NET_NS_PID = 19;
    int IFLA_IFALIAS = 20;
    int IFLA_AF_SPEC = 26;
    int IFLA_GROUP = 27;
    int IFLA_NET_NS_FD = 28;
    int IFLA_EXT_MASK = 29;
    int IFLA_NUM_TX_QUEUES = 31;
    int IFLA_NUM_RX_QUEUES = 32;
    int IFLA_LINK_NETNSID = 37;
    int IFLA_PROP_LIST = 52;
    int IFLA_ALT_IFNAME = 53;

    /** IFLA_EXT_MASK bits ({@code <linux/rtnetlink.h>}). */
    int RTEXT_FILTER_VF = 1 << 0;
    int RTEXT_FILTER_BRVLAN = 1 << 1;
    int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    /** IFLA_OPERSTATE values (RFC 2863, {@code IF_OPER_*} in {@code <linux/if.h>}). */
    int IF_OPER_UNKNOWN = 0;
    int IF_OPER_DOWN = 2;
    int IF_OPER_LOWERLAYERDOWN = 3;
    int IF_OPER_DORMANT = 5;
    int IF_OPER_UP = 6;

    AttributeNames NAMES = AttributeNames.of(null, "IFLA_ADDRESS", "IFLA_BROADCAST", "IFLA_IFNAME", "IFLA_MTU",
            "IFLA_LINK", "IFLA_QDISC", "IFLA_STATS", "IFLA_COST", "IFLA_PRIORITY", "IFLA_MASTER", "IFLA_WIRELESS",
            "IFLA_PROTINFO", "IFLA_TXQLEN", "IFLA_MAP", "IFLA_WEIGHT", "IFLA_OPERSTATE", "IFLA_LINKMODE",
            "IFLA_LINKINFO", "IFLA_NET_NS_PID", "IFLA_IFALIAS", "IFLA_NUM_VF", "IFLA_VFINFO_LIST", "IFLA_STATS64",
            "IFLA_VF_PORTS", "IFLA_PORT_SELF", "IFLA_AF_SPEC", "IFLA_GROUP", "IFLA_NET_NS_FD", "IFLA_EXT_MASK",
            "IFLA_PROMISCUITY", "IFLA_NUM_TX_QUEUES", "IFLA_NUM_RX_QUEUES", "IFLA_CARRIER", "IFLA_PHYS_PORT_ID",
            "IFLA_CARRIER_CHANGES", "IFLA_PHYS_SWITCH_ID", "IFLA_LINK_NETNSID", "IFLA_PHYS_PORT_NAME",
            "IFLA_PROTO_DOWN", "IFLA_GSO_MAX_SEGS", "IFLA_GSO_MAX_SIZE", "IFLA_PAD", "IFLA_XDP", "IFLA_EVENT",
            "IFLA_NEW_NETNSID", "IFLA_IF_NETNSID", "IFLA_CARRIER_UP_COUNT", "IFLA_CARRIER_DOWN_COUNT",
            "IFLA_NEW_IFINDEX", "IFLA_MIN_MTU", "IFLA_MAX_MTU", "IFLA_PROP_LIST", "IFLA_ALT_IFNAME",
            "IFLA_PERM_ADDRESS", "IFLA_PROTO_DOWN_REASON", "IFLA_PARENT_DEV_NAME", "IFLA_PARENT_DEV_BUS_NAME",
            "IFLA_GRO_MAX_SIZE", "IFLA_TSO_MAX_SIZE", "IFLA_TSO_MAX_SEGS", "IFLA_ALLMULTI");

    void encode(AttributeWriter writer);

    /** IFLA_ADDRESS: the link's MAC address. */
    record Address(MacAddress mac) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.bytes(IFLA_ADDRESS, mac.bytes());
        }
    }

    /** IFLA_IFNAME: the link's name; in a request on an existing link (index set), its new name. */
    record Name(String name) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(IFLA_IFNAME, name);
        }
    }

    record Mtu(int mtu) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_MTU, mtu);
        }
    }

    /** IFLA_LINK: the parent link's ifindex (macvlan's lower device, a veth's peer in dumps). */
    record Link(int ifindex) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_LINK, ifindex);
        }
    }

    /** IFLA_MASTER: the bridge (or bond) the link is a port of; 0 in a request removes it. */
    record Master(int ifindex) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_MASTER, ifindex);
        }
    }

    /** IFLA_OPERSTATE: the RFC 2863 state, an {@code IF_OPER_*} value (dumps). */
    record OperState(int state) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u8(IFLA_OPERSTATE, state);
        }
    }

    /** IFLA_LINKINFO: the link's kind and kind-specific data. */
    record Info(LinkInfo info) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            info.encode(writer);
        }
    }

    /** IFLA_NET_NS_PID: move (or create) the link in the network namespace of this process. */
    record NetNsPid(int pid) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_NET_NS_PID, pid);
        }
    }

    /** IFLA_NET_NS_FD: move (or create) the link in the network namespace this open file refers to. */
    record NetNsFd(int fd) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_NET_NS_FD, fd);
        }
    }

    /**
     * IFLA_IFALIAS: free-text description ({@code ip link set dev X alias TEXT}). Like
     * IFLA_INFO_KIND, iproute2 sends it without a NUL and the kernel replies with one; the record
     * keeps which form it was.
     */
    record Alias(String alias, boolean nulTerminated) implements LinkAttribute {
        /** The alias as iproute2 sends it, without a NUL. */
        public Alias(String alias) {
            this(alias, false);
        }

        @Override
        public void encode(AttributeWriter writer) {
            if (nulTerminated) {
                writer.string(IFLA_IFALIAS, alias);
            } else {
                writer.bytes(IFLA_IFALIAS, alias.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** IFLA_GROUP: the link's device group number (0 is "default"). */
    record Group(int group) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_GROUP, group);
        }
    }

    /** IFLA_EXT_MASK: RTEXT_FILTER_* bits telling the kernel what to leave out of (or add to) replies. */
    record ExtMask(int mask) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_EXT_MASK, mask);
        }
    }

    /** IFLA_NUM_TX_QUEUES: how many transmit queues a new link gets (the kernel's default: one per CPU for a veth). */
    record NumTxQueues(int count) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_NUM_TX_QUEUES, count);
        }
    }

    /** IFLA_NUM_RX_QUEUES: how many receive queues a new link gets. */
    record NumRxQueues(int count) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_NUM_RX_QUEUES, count);
        }
    }

    /** IFLA_LINK_NETNSID: the namespace id (as this namespace numbers it) that IFLA_LINK refers into. */
    record LinkNetnsId(int nsid) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_LINK_NETNSID, nsid);
        }
    }

    /**
     * IFLA_PROP_LIST: link properties, today the alternative names. Unlike IFLA_LINKINFO it
     * carries NLA_F_NESTED, from iproute2 and the kernel alike.
     */
    record PropList(List<LinkAttribute> properties) implements LinkAttribute {
        public PropList {
            properties = List.copyOf(properties);
        }

        @Override
        public void encode(AttributeWriter writer) {
            writer.nested(IFLA_PROP_LIST | NlAttr.NLA_F_NESTED, inner -> properties.forEach(p -> p.encode(inner)));
        }
    }

    /** IFLA_ALT_IFNAME: an alternative name, inside IFLA_PROP_LIST. */
    record AltName(String name) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(IFLA_ALT_IFNAME, name);
        }
    }

    record Other(RawAttribute raw) implements LinkAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<LinkAttribute> decode(AttributeReader reader) {
        List<LinkAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case IFLA_ADDRESS -> reader.length() == 6 ? new Address(new MacAddress(reader.bytes())) : other(reader);
                case IFLA_IFNAME -> reader.isCanonicalString() ? new Name(reader.string()) : other(reader);
                case IFLA_MTU -> reader.length() == 4 ? new Mtu(reader.u32Host()) : other(reader);
                case IFLA_LINK -> reader.length() == 4 ? new Link(reader.u32Host()) : other(reader);
                case IFLA_MASTER -> reader.length() == 4 ? new Master(reader.u32Host()) : other(reader);
                case IFLA_OPERSTATE -> reader.length() == 1 ? new OperState(reader.u8()) : other(reader);
                case IFLA_LINKINFO -> exact(reader, new Info(LinkInfo.decode(reader)));
                case IFLA_NET_NS_PID -> reader.length() == 4 ? new NetNsPid(reader.u32Host()) : other(reader);
                case IFLA_IFALIAS -> alias(reader);
                case IFLA_GROUP -> reader.length() == 4 ? new Group(reader.u32Host()) : other(reader);
                case IFLA_NET_NS_FD -> reader.length() == 4 ? new NetNsFd(reader.u32Host()) : other(reader);
                case IFLA_EXT_MASK -> reader.length() == 4 ? new ExtMask(reader.u32Host()) : other(reader);
                case IFLA_NUM_TX_QUEUES -> reader.length() == 4 ? new NumTxQueues(reader.u32Host()) : other(reader);
                case IFLA_NUM_RX_QUEUES -> reader.length() == 4 ? new NumRxQueues(reader.u32Host()) : other(reader);
                case IFLA_LINK_NETNSID -> reader.length() == 4 ? new LinkNetnsId(reader.u32Host()) : other(reader);
                case IFLA_PROP_LIST | NlAttr.NLA_F_NESTED -> exact(reader, new PropList(decode(reader.nested(NAMES))));
                case IFLA_ALT_IFNAME -> reader.isCanonicalString() ? new AltName(reader.string()) : other(reader);
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static LinkAttribute alias(AttributeReader reader) {
        if (reader.isCanonicalString()) {
            return new Alias(reader.string(), true);
        }
        String unterminated = LinkDecoding.unterminatedString(reader);
        return unterminated != null ? new Alias(unterminated, false) : other(reader);
    }

    /** The nested record if it encodes back to the very bytes read, else the raw attribute. */
    private static LinkAttribute exact(AttributeReader reader, LinkAttribute decoded) {
        return LinkDecoding.reencodesExactly(reader, decoded::encode) ? decoded : other(reader);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}
