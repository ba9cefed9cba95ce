package netlab.netlink.route;

import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;

/**
 * The kind-specific IFLA_INFO_DATA of the link kinds netlab creates. Each kind's attributes are
 * their own numbering space (VETH_INFO_*, IFLA_BR_*, IFLA_MACVLAN_*, IFLA_VXLAN_*), which is why
 * the kind must be known before the data can be read.
 */
public sealed interface InfoData permits VethInfo, BridgeInfo, MacvlanInfo, VxlanInfo {
    /** The IFLA_INFO_KIND this data belongs to. */
    String kind();

    /** Writes the inner attributes (the nest around them is IFLA_LINKINFO's business). */
    void encodeAttributes(AttributeWriter writer);

    /** Decodes the IFLA_INFO_DATA the reader is on, or null for a kind not modelled here. */
    static InfoData decode(String kind, AttributeReader reader) {
        return switch (kind) {
            case VethInfo.KIND -> VethInfo.decode(reader.nested(VethInfo.NAMES));
            case BridgeInfo.KIND -> BridgeInfo.decode(reader.nested(BridgeInfo.NAMES));
            case MacvlanInfo.KIND -> MacvlanInfo.decode(reader.nested(MacvlanInfo.NAMES));
            case VxlanInfo.KIND -> VxlanInfo.decode(reader.nested(VxlanInfo.NAMES));
            default -> null;
        };
    }
}
