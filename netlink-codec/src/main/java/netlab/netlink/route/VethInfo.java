package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.RawAttribute;

/**
 * IFLA_INFO_DATA of kind "veth" ({@code <linux/veth.h>}). Its one attribute, VETH_INFO_PEER,
 * does not hold plain attributes: like a whole link message it starts with a {@code struct
 * ifinfomsg} and then the peer's own IFLA_* attributes (veth_newlink parses it with
 * rtnl_nla_parse_ifinfomsg). Neither nest carries NLA_F_NESTED.
 */
public record VethInfo(List<VethInfo.Attribute> attributes) implements InfoData {
    public static final String KIND = "veth";
    public static final int VETH_INFO_PEER = 1;
    public static final AttributeNames NAMES = AttributeNames.of(null, "VETH_INFO_PEER");

    public VethInfo {
        attributes = List.copyOf(attributes);
    }

    /** A pair whose other end gets {@code peerAttributes} (its name, its namespace, ...). */
    public static VethInfo peer(LinkAttribute... peerAttributes) {
        return new VethInfo(List.of(new Peer(IfInfoMsg.request(0), List.of(peerAttributes))));
    }

    public sealed interface Attribute {
        void encode(AttributeWriter writer);
    }

    /** VETH_INFO_PEER: the peer's ifinfomsg and attributes. */
    public record Peer(IfInfoMsg header, List<LinkAttribute> attributes) implements Attribute {
        public Peer {
            attributes = List.copyOf(attributes);
        }

        @Override
        public void encode(AttributeWriter writer) {
            writer.nested(VETH_INFO_PEER, inner -> {
                header.encode(inner.buffer());
                attributes.forEach(a -> a.encode(inner));
            });
        }
    }

    public record Other(RawAttribute raw) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    public Optional<Peer> peer() {
        return attributes.stream().filter(Peer.class::isInstance).map(Peer.class::cast).findFirst();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void encodeAttributes(AttributeWriter writer) {
        attributes.forEach(a -> a.encode(writer));
    }

    static VethInfo decode(AttributeReader reader) {
        List<Attribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(reader.typeWord() == VETH_INFO_PEER ? peer(reader) : new Other(reader.raw()));
        }
        return new VethInfo(attributes);
    }

    private static Attribute peer(AttributeReader reader) {
        ByteBuf value = reader.valueSlice();
        DecodePath path = reader.path();
        IfInfoMsg header = IfInfoMsg.decode(value, 0, value.writerIndex(), path);
        List<LinkAttribute> attributes = LinkAttribute.decode(
                new AttributeReader(value, IfInfoMsg.SIZE, value.writerIndex(), path, LinkAttribute.NAMES));
        Peer decoded = new Peer(header, attributes);
        return LinkDecoding.reencodesExactly(reader, decoded::encode) ? decoded : new Other(reader.raw());
    }
}
