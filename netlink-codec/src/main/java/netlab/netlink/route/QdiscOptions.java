package netlab.netlink.route;

import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;

/**
 * The kind-specific TCA_OPTIONS of the qdiscs netlab installs. Each kind lays its options out its
 * own way (tbf: a nest of TCA_TBF_*; netem: a struct followed by TCA_NETEM_*), which is why the
 * kind must be known before the options can be read.
 */
public sealed interface QdiscOptions permits TbfOptions, NetemOptions {
    /** The TCA_KIND these options belong to. */
    String kind();

    /** Writes the whole TCA_OPTIONS attribute. */
    void encode(AttributeWriter writer);

    /** Decodes the TCA_OPTIONS the reader is on, or null for a kind or a shape not modelled here. */
    static QdiscOptions decode(String kind, AttributeReader reader) {
        return switch (kind) {
            case TbfOptions.KIND -> TbfOptions.decode(reader);
            case NetemOptions.KIND -> NetemOptions.decode(reader);
            default -> null;
        };
    }
}
