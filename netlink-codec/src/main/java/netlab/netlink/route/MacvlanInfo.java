package netlab.netlink.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.RawAttribute;

/**
 * IFLA_INFO_DATA of kind "macvlan" ({@code IFLA_MACVLAN_*} in {@code <linux/if_link.h>}). The
 * parent link is not in here but in the message's IFLA_LINK.
 */
public record MacvlanInfo(List<MacvlanInfo.Attribute> attributes) implements InfoData {
    public static final String KIND = "macvlan";

    public static final int IFLA_MACVLAN_MODE = 1;
    public static final int IFLA_MACVLAN_FLAGS = 2;

    public static final int MACVLAN_MODE_PRIVATE = 1;
    public static final int MACVLAN_MODE_VEPA = 2;
    public static final int MACVLAN_MODE_BRIDGE = 4;
    public static final int MACVLAN_MODE_PASSTHRU = 8;
    public static final int MACVLAN_MODE_SOURCE = 16;

    public static final AttributeNames NAMES = AttributeNames.of(null, "IFLA_MACVLAN_MODE", "IFLA_MACVLAN_FLAGS",
            "IFLA_MACVLAN_MACADDR_MODE", "IFLA_MACVLAN_MACADDR", "IFLA_MACVLAN_MACADDR_DATA",
            "IFLA_MACVLAN_MACADDR_COUNT", "IFLA_MACVLAN_BC_QUEUE_LEN", "IFLA_MACVLAN_BC_QUEUE_LEN_USED");

    public MacvlanInfo {
        attributes = List.copyOf(attributes);
    }

    public static MacvlanInfo mode(int mode) {
        return new MacvlanInfo(List.of(new Mode(mode)));
    }

    public sealed interface Attribute {
        void encode(AttributeWriter writer);
    }

    /** IFLA_MACVLAN_MODE: one of the MACVLAN_MODE_* values. */
    public record Mode(int mode) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_MACVLAN_MODE, mode);
        }
    }

    public record Other(RawAttribute raw) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    public Optional<Integer> modeValue() {
        return attributes.stream().filter(Mode.class::isInstance).map(a -> ((Mode) a).mode()).findFirst();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void encodeAttributes(AttributeWriter writer) {
        attributes.forEach(a -> a.encode(writer));
    }

    static MacvlanInfo decode(AttributeReader reader) {
        List<Attribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(reader.typeWord() == IFLA_MACVLAN_MODE && reader.length() == 4
                    ? new Mode(reader.u32Host())
                    : new Other(reader.raw()));
        }
        return new MacvlanInfo(attributes);
    }
}
