package netlab.netlink.route;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.RawAttribute;

/**
 * IFLA_INFO_DATA of kind "vxlan" ({@code IFLA_VXLAN_*} in {@code <linux/if_link.h>}). Byte
 * order varies: the VNI and the underlay device are host order, but IFLA_VXLAN_PORT is a
 * {@code __be16} (vxlan_nl_policy) although it carries no NLA_F_NET_BYTEORDER flag. Addresses go
 * in IFLA_VXLAN_GROUP / _LOCAL (IPv4, 4 bytes) or IFLA_VXLAN_GROUP6 / _LOCAL6 (IPv6, 16 bytes).
 */
public record VxlanInfo(List<VxlanInfo.Attribute> attributes) implements InfoData {
    public static final String KIND = "vxlan";

    public static final int IFLA_VXLAN_ID = 1;
    public static final int IFLA_VXLAN_GROUP = 2;
    public static final int IFLA_VXLAN_LINK = 3;
    public static final int IFLA_VXLAN_LOCAL = 4;
    public static final int IFLA_VXLAN_TTL = 5;
    public static final int IFLA_VXLAN_TOS = 6;
    public static final int IFLA_VXLAN_LEARNING = 7;
    public static final int IFLA_VXLAN_PORT = 15;
    public static final int IFLA_VXLAN_GROUP6 = 16;
    public static final int IFLA_VXLAN_LOCAL6 = 17;

    public static final AttributeNames NAMES = AttributeNames.of(null, "IFLA_VXLAN_ID", "IFLA_VXLAN_GROUP",
            "IFLA_VXLAN_LINK", "IFLA_VXLAN_LOCAL", "IFLA_VXLAN_TTL", "IFLA_VXLAN_TOS", "IFLA_VXLAN_LEARNING",
            "IFLA_VXLAN_AGEING", "IFLA_VXLAN_LIMIT", "IFLA_VXLAN_PORT_RANGE", "IFLA_VXLAN_PROXY",
            "IFLA_VXLAN_RSC", "IFLA_VXLAN_L2MISS", "IFLA_VXLAN_L3MISS", "IFLA_VXLAN_PORT", "IFLA_VXLAN_GROUP6",
            "IFLA_VXLAN_LOCAL6", "IFLA_VXLAN_UDP_CSUM", "IFLA_VXLAN_UDP_ZERO_CSUM6_TX",
            "IFLA_VXLAN_UDP_ZERO_CSUM6_RX", "IFLA_VXLAN_REMCSUM_TX", "IFLA_VXLAN_REMCSUM_RX", "IFLA_VXLAN_GBP",
            "IFLA_VXLAN_REMCSUM_NOPARTIAL", "IFLA_VXLAN_COLLECT_METADATA", "IFLA_VXLAN_LABEL",
            "IFLA_VXLAN_GPE", "IFLA_VXLAN_TTL_INHERIT", "IFLA_VXLAN_DF", "IFLA_VXLAN_VNIFILTER");

    public VxlanInfo {
        attributes = List.copyOf(attributes);
    }

    /**
     * A point-to-point tunnel: one remote, learning off, in iproute2's order. Equivalent to:
     * {@code type vxlan id VNI remote REMOTE [local LOCAL] dstport PORT nolearning [dev UNDERLAY]}.
     */
    public static VxlanInfo pointToPoint(int vni, InetAddress remote, Optional<InetAddress> local,
            OptionalInt underlayIndex, int port) {
        List<Attribute> attributes = new ArrayList<>();
        underlayIndex.ifPresent(index -> attributes.add(new Link(index)));
        attributes.add(new Id(vni));
        local.ifPresent(address -> attributes.add(new Local(address)));
        attributes.add(new Remote(remote));
        attributes.add(new Learning(false));
        attributes.add(new Port(port));
        return new VxlanInfo(attributes);
    }

    public sealed interface Attribute {
        void encode(AttributeWriter writer);
    }

    /** IFLA_VXLAN_ID: the 24-bit VXLAN network identifier. */
    public record Id(int vni) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_VXLAN_ID, vni);
        }
    }

    /** IFLA_VXLAN_GROUP / _GROUP6: the remote endpoint (or multicast group) by address family. */
    public record Remote(InetAddress address) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(address instanceof Inet4Address ? IFLA_VXLAN_GROUP : IFLA_VXLAN_GROUP6, address);
        }
    }

    /** IFLA_VXLAN_LOCAL / _LOCAL6: the source address of the encapsulated packets. */
    public record Local(InetAddress address) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(address instanceof Inet4Address ? IFLA_VXLAN_LOCAL : IFLA_VXLAN_LOCAL6, address);
        }
    }

    /** IFLA_VXLAN_LINK: the underlay device's ifindex ({@code dev DEV}). */
    public record Link(int ifindex) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_VXLAN_LINK, ifindex);
        }
    }

    /** IFLA_VXLAN_LEARNING: whether the FDB learns remote MACs (iproute2 sends 1 unless {@code nolearning}). */
    public record Learning(boolean enabled) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u8(IFLA_VXLAN_LEARNING, enabled ? 1 : 0);
        }
    }

    /** IFLA_VXLAN_PORT: the UDP destination port, big-endian on the wire. */
    public record Port(int port) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u16Big(IFLA_VXLAN_PORT, port);
        }
    }

    public record Other(RawAttribute raw) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void encodeAttributes(AttributeWriter writer) {
        attributes.forEach(a -> a.encode(writer));
    }

    static VxlanInfo decode(AttributeReader reader) {
        List<Attribute> attributes = new ArrayList<>();
        while (reader.next()) {
            int length = reader.length();
            attributes.add(switch (reader.typeWord()) {
                case IFLA_VXLAN_ID -> length == 4 ? new Id(reader.u32Host()) : other(reader);
                case IFLA_VXLAN_GROUP -> length == 4 ? new Remote(reader.inetAddress()) : other(reader);
                case IFLA_VXLAN_GROUP6 -> length == 16 ? new Remote(reader.inetAddress()) : other(reader);
                case IFLA_VXLAN_LOCAL -> length == 4 ? new Local(reader.inetAddress()) : other(reader);
                case IFLA_VXLAN_LOCAL6 -> length == 16 ? new Local(reader.inetAddress()) : other(reader);
                case IFLA_VXLAN_LINK -> length == 4 ? new Link(reader.u32Host()) : other(reader);
                case IFLA_VXLAN_LEARNING -> length == 1 && reader.u8() <= 1 ? new Learning(reader.u8() == 1) : other(reader);
                case IFLA_VXLAN_PORT -> length == 2 ? new Port(reader.u16Big()) : other(reader);
                default -> other(reader);
            });
        }
        return new VxlanInfo(attributes);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}
