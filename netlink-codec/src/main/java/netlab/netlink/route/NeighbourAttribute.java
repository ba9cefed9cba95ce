package netlab.netlink.route;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.MacAddress;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a neighbour message ({@code NDA_*} in {@code <linux/neighbour.h>}). A value
 * not in the modelled shape (an lladdr that is not 6 bytes, say) stays {@link Other}, so decode
 * then encode is byte-identical.
 */
public sealed interface NeighbourAttribute {
    int NDA_DST = 1;
    int NDA_LLADDR = 2;
    int NDA_CACHEINFO = 3;
    int NDA_PROBES = 4;
    int NDA_IFINDEX = 8;
    int NDA_MASTER = 9;
    int NDA_PROTOCOL = 12;

    AttributeNames NAMES = AttributeNames.of(null, "NDA_DST", "NDA_LLADDR", "NDA_CACHEINFO", "NDA_PROBES",
            "NDA_VLAN", "NDA_PORT", "NDA_VNI", "NDA_IFINDEX", "NDA_MASTER", "NDA_LINK_NETNSID", "NDA_SRC_VNI",
            "NDA_PROTOCOL", "NDA_NH_ID", "NDA_FDB_EXT_ATTRS", "NDA_FLAGS_EXT", "NDA_NDM_STATE_MASK",
            "NDA_NDM_FLAGS_MASK");

    void encode(AttributeWriter writer);

    /** NDA_DST: the neighbour's IPv4 or IPv6 address. */
    record Destination(InetAddress address) implements NeighbourAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(NDA_DST, address);
        }
    }

    /** NDA_LLADDR: the neighbour's link-layer (MAC) address. */
    record LinkLayerAddress(MacAddress mac) implements NeighbourAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.bytes(NDA_LLADDR, mac.bytes());
        }
    }

    /** NDA_PROBES: how many probes the kernel sent (dumps only). */
    record Probes(int count) implements NeighbourAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(NDA_PROBES, count);
        }
    }

    /** NDA_PROTOCOL: who installed the entry (RTPROT_* value). */
    record Protocol(int protocol) implements NeighbourAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u8(NDA_PROTOCOL, protocol);
        }
    }

    record Other(RawAttribute raw) implements NeighbourAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<NeighbourAttribute> decode(AttributeReader reader) {
        List<NeighbourAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case NDA_DST -> reader.isInetAddress() ? new Destination(reader.inetAddress()) : other(reader);
                case NDA_LLADDR -> reader.length() == 6 ? new LinkLayerAddress(new MacAddress(reader.bytes())) : other(reader);
                case NDA_PROBES -> reader.length() == 4 ? new Probes(reader.u32Host()) : other(reader);
                case NDA_PROTOCOL -> reader.length() == 1 ? new Protocol(reader.u8()) : other(reader);
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}
