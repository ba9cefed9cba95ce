package netlab.netlink.route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.RawAttribute;

/**
 * The value of IFLA_LINKINFO ({@code IFLA_INFO_*} in {@code <linux/if_link.h>}): the link's kind
 * and the kind-specific IFLA_INFO_DATA. The nest is written WITHOUT NLA_F_NESTED, as iproute2's
 * {@code addattr_nest} and the kernel's {@code nla_nest_start_noflag} in rtnl_link_fill do; a
 * flagged IFLA_LINKINFO (or IFLA_INFO_DATA) therefore stays raw. IFLA_INFO_DATA is decoded only
 * for the kinds in {@link InfoData}, and only when IFLA_INFO_KIND came before it.
 */
public record LinkInfo(List<LinkInfo.Attribute> attributes) {
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_INFO_XSTATS = 3;
    public static final int IFLA_INFO_SLAVE_KIND = 4;
    public static final int IFLA_INFO_SLAVE_DATA = 5;

    public static final AttributeNames NAMES = AttributeNames.of(null, "IFLA_INFO_KIND", "IFLA_INFO_DATA",
            "IFLA_INFO_XSTATS", "IFLA_INFO_SLAVE_KIND", "IFLA_INFO_SLAVE_DATA");

    public LinkInfo {
        attributes = List.copyOf(attributes);
    }

    /** Kind and data, as a create request carries them. */
    public static LinkInfo of(InfoData data) {
        return new LinkInfo(List.of(new Kind(data.kind()), new Data(data)));
    }

    public sealed interface Attribute {
        void encode(AttributeWriter writer);
    }

    /**
     * IFLA_INFO_KIND: "veth", "bridge", "macvlan", "vxlan", ... iproute2 sends it without a NUL
     * ({@code addattr_l(..., strlen(type))}), the kernel's replies with one (nla_put_string); the
     * kernel accepts both (NLA_STRING), and the record keeps which form it was.
     */
    public record Kind(String kind, boolean nulTerminated) implements Attribute {
        /** The kind as iproute2 sends it, without a NUL. */
        public Kind(String kind) {
            this(kind, false);
        }

        @Override
        public void encode(AttributeWriter writer) {
            if (nulTerminated) {
                writer.string(IFLA_INFO_KIND, kind);
            } else {
                writer.bytes(IFLA_INFO_KIND, kind.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** IFLA_INFO_DATA of a modelled kind. */
    public record Data(InfoData data) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.nested(IFLA_INFO_DATA, data::encodeAttributes);
        }
    }

    /** Unknown kinds' data, IFLA_INFO_SLAVE_KIND / _SLAVE_DATA, xstats, odd shapes. */
    public record Other(RawAttribute raw) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    public Optional<String> kind() {
        return attributes.stream().filter(Kind.class::isInstance).map(a -> ((Kind) a).kind()).findFirst();
    }

    public Optional<InfoData> data() {
        return attributes.stream().filter(Data.class::isInstance).map(a -> ((Data) a).data()).findFirst();
    }

    void encode(AttributeWriter writer) {
        writer.nested(LinkAttribute.IFLA_LINKINFO, inner -> attributes.forEach(a -> a.encode(inner)));
    }

    /** Decodes the IFLA_LINKINFO the reader is on. */
    static LinkInfo decode(AttributeReader outer) {
        AttributeReader reader = outer.nested(NAMES);
        List<Attribute> attributes = new ArrayList<>();
        String kind = null;
        while (reader.next()) {
            Attribute attribute = switch (reader.typeWord()) {
                case IFLA_INFO_KIND -> kind(reader);
                case IFLA_INFO_DATA -> data(kind, reader);
                default -> other(reader);
            };
            if (attribute instanceof Kind k) {
                kind = k.kind();
            }
            attributes.add(attribute);
        }
        return new LinkInfo(attributes);
    }

    private static Attribute kind(AttributeReader reader) {
        if (reader.isCanonicalString()) {
            return new Kind(reader.string(), true);
        }
        String unterminated = LinkDecoding.unterminatedString(reader);
        return unterminated != null ? new Kind(unterminated, false) : other(reader);
    }

    private static Attribute data(String kind, AttributeReader reader) {
        InfoData data = kind == null ? null : InfoData.decode(kind, reader);
        if (data == null) {
            return other(reader);
        }
        Data decoded = new Data(data);
        return LinkDecoding.reencodesExactly(reader, decoded::encode) ? decoded : other(reader);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}
