package netlab.netlink;

import java.util.List;

/**
 * The extended-ACK TLVs after an error or done message ({@code enum nlmsgerr_attrs} in
 * {@code <linux/netlink.h>}).
 */
public sealed interface ExtAckAttribute {
    int NLMSGERR_ATTR_MSG = 1;
    int NLMSGERR_ATTR_OFFS = 2;
    int NLMSGERR_ATTR_COOKIE = 3;
    int NLMSGERR_ATTR_POLICY = 4;
    int NLMSGERR_ATTR_MISS_TYPE = 5;
    int NLMSGERR_ATTR_MISS_NEST = 6;

    AttributeNames NAMES = AttributeNames.of(null, "NLMSGERR_ATTR_MSG", "NLMSGERR_ATTR_OFFS",
            "NLMSGERR_ATTR_COOKIE", "NLMSGERR_ATTR_POLICY", "NLMSGERR_ATTR_MISS_TYPE", "NLMSGERR_ATTR_MISS_NEST");

    void encode(AttributeWriter writer);

    /** NLMSGERR_ATTR_MSG: the kernel's explanation, e.g. "Attribute failed policy validation". */
    record Message(String text) implements ExtAckAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NLMSGERR_ATTR_MSG, text);
        }
    }

    /** NLMSGERR_ATTR_OFFS: offset of the offending attribute in the request, from its header. */
    record Offset(int offset) implements ExtAckAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(NLMSGERR_ATTR_OFFS, offset);
        }
    }

    record Other(RawAttribute raw) implements ExtAckAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<ExtAckAttribute> decode(AttributeReader reader) {
        List<ExtAckAttribute> attributes = new java.util.ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case NLMSGERR_ATTR_MSG -> reader.isCanonicalString()
                        ? new Message(reader.string()) : new Other(reader.raw());
                case NLMSGERR_ATTR_OFFS -> reader.length() == 4
                        ? new Offset(reader.u32Host()) : new Other(reader.raw());
                default -> new Other(reader.raw());
            });
        }
        return List.copyOf(attributes);
    }

    static void encodeAll(List<ExtAckAttribute> attributes, AttributeWriter writer) {
        attributes.forEach(attribute -> attribute.encode(writer));
    }
}
