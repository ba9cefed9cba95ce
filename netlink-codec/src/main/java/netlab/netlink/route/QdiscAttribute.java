package netlab.netlink.route;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a qdisc message ({@code TCA_*} in {@code <linux/rtnetlink.h>}). TCA_OPTIONS
 * is decoded for the kinds in {@link QdiscOptions}, and only when TCA_KIND came before it (tc and
 * the kernel both write the kind first). Statistics (TCA_STATS, TCA_STATS2, TCA_XSTATS), other
 * kinds' options and odd shapes stay {@link Other}, so decode then encode is byte-identical.
 */
public sealed interface QdiscAttribute {
    int TCA_KIND = 1;
    int TCA_OPTIONS = 2;
    int TCA_STATS = 3;
    int TCA_XSTATS = 4;
    int TCA_STATS2 = 7;
    int TCA_HW_OFFLOAD = 12;

    AttributeNames NAMES = AttributeNames.of(null, "TCA_KIND", "TCA_OPTIONS", "TCA_STATS", "TCA_XSTATS",
            "TCA_RATE", "TCA_FCNT", "TCA_STATS2", "TCA_STAB", "TCA_PAD", "TCA_DUMP_INVISIBLE", "TCA_CHAIN",
            "TCA_HW_OFFLOAD", "TCA_INGRESS_BLOCK", "TCA_EGRESS_BLOCK", "TCA_DUMP_FLAGS", "TCA_EXT_WARN_MSG");

    void encode(AttributeWriter writer);

    /** TCA_KIND: "tbf", "netem", "noqueue", ..., with its NUL (tc sends strlen + 1 bytes). */
    record Kind(String kind) implements QdiscAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(TCA_KIND, kind);
        }
    }

    /** TCA_OPTIONS of a modelled kind. */
    record Options(QdiscOptions options) implements QdiscAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            options.encode(writer);
        }
    }

    record Other(RawAttribute raw) implements QdiscAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<QdiscAttribute> decode(AttributeReader reader) {
        List<QdiscAttribute> attributes = new ArrayList<>();
        String kind = null;
        while (reader.next()) {
            QdiscAttribute attribute = switch (reader.typeWord()) {
                case TCA_KIND -> reader.isCanonicalString() ? new Kind(reader.string()) : other(reader);
                case TCA_OPTIONS -> options(kind, reader);
                default -> other(reader);
            };
            if (attribute instanceof Kind k) {
                kind = k.kind();
            }
            attributes.add(attribute);
        }
        return List.copyOf(attributes);
    }

    private static QdiscAttribute options(String kind, AttributeReader reader) {
        QdiscOptions options = kind == null ? null : QdiscOptions.decode(kind, reader);
        if (options == null) {
            return other(reader);
        }
        Options decoded = new Options(options);
        return LinkDecoding.reencodesExactly(reader, decoded::encode) ? decoded : other(reader);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}
