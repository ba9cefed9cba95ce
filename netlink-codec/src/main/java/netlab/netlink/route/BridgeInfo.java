package netlab.netlink.route;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.RawAttribute;

/**
 * IFLA_INFO_DATA of kind "bridge" ({@code IFLA_BR_*} in {@code <linux/if_link.h>}). The STP
 * settings netlab sets are modelled; the many others a dump carries stay raw. Times are in
 * centiseconds (clock_t at USER_HZ = 100): iproute2 sends {@code forward_delay 400} as 400, 4 s.
 */
public record BridgeInfo(List<BridgeInfo.Attribute> attributes) implements InfoData {
    public static final String KIND = "bridge";

    public static final int IFLA_BR_FORWARD_DELAY = 1;
    public static final int IFLA_BR_HELLO_TIME = 2;
    public static final int IFLA_BR_MAX_AGE = 3;
    public static final int IFLA_BR_AGEING_TIME = 4;
    public static final int IFLA_BR_STP_STATE = 5;
    public static final int IFLA_BR_PRIORITY = 6;
    public static final int IFLA_BR_VLAN_FILTERING = 7;

    public static final AttributeNames NAMES = AttributeNames.of(null, "IFLA_BR_FORWARD_DELAY",
            "IFLA_BR_HELLO_TIME", "IFLA_BR_MAX_AGE", "IFLA_BR_AGEING_TIME", "IFLA_BR_STP_STATE",
            "IFLA_BR_PRIORITY", "IFLA_BR_VLAN_FILTERING", "IFLA_BR_VLAN_PROTOCOL", "IFLA_BR_GROUP_FWD_MASK",
            "IFLA_BR_ROOT_ID", "IFLA_BR_BRIDGE_ID", "IFLA_BR_ROOT_PORT", "IFLA_BR_ROOT_PATH_COST",
            "IFLA_BR_TOPOLOGY_CHANGE", "IFLA_BR_TOPOLOGY_CHANGE_DETECTED", "IFLA_BR_HELLO_TIMER",
            "IFLA_BR_TCN_TIMER", "IFLA_BR_TOPOLOGY_CHANGE_TIMER", "IFLA_BR_GC_TIMER", "IFLA_BR_GROUP_ADDR",
            "IFLA_BR_FDB_FLUSH", "IFLA_BR_MCAST_ROUTER", "IFLA_BR_MCAST_SNOOPING",
            "IFLA_BR_MCAST_QUERY_USE_IFADDR", "IFLA_BR_MCAST_QUERIER", "IFLA_BR_MCAST_HASH_ELASTICITY",
            "IFLA_BR_MCAST_HASH_MAX", "IFLA_BR_MCAST_LAST_MEMBER_CNT", "IFLA_BR_MCAST_STARTUP_QUERY_CNT",
            "IFLA_BR_MCAST_LAST_MEMBER_INTVL", "IFLA_BR_MCAST_MEMBERSHIP_INTVL", "IFLA_BR_MCAST_QUERIER_INTVL",
            "IFLA_BR_MCAST_QUERY_INTVL", "IFLA_BR_MCAST_QUERY_RESPONSE_INTVL",
            "IFLA_BR_MCAST_STARTUP_QUERY_INTVL", "IFLA_BR_NF_CALL_IPTABLES", "IFLA_BR_NF_CALL_IP6TABLES",
            "IFLA_BR_NF_CALL_ARPTABLES", "IFLA_BR_VLAN_DEFAULT_PVID", "IFLA_BR_PAD",
            "IFLA_BR_VLAN_STATS_ENABLED", "IFLA_BR_MCAST_STATS_ENABLED", "IFLA_BR_MCAST_IGMP_VERSION",
            "IFLA_BR_MCAST_MLD_VERSION", "IFLA_BR_VLAN_STATS_PER_PORT", "IFLA_BR_MULTI_BOOLOPT",
            "IFLA_BR_MCAST_QUERIER_STATE");

    public BridgeInfo {
        attributes = List.copyOf(attributes);
    }

    public sealed interface Attribute {
        void encode(AttributeWriter writer);
    }

    /** IFLA_BR_STP_STATE: 0 off, 1 kernel STP. */
    public record StpState(int state) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_BR_STP_STATE, state);
        }
    }

    /** IFLA_BR_FORWARD_DELAY in centiseconds. */
    public record ForwardDelay(int centiseconds) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_BR_FORWARD_DELAY, centiseconds);
        }
    }

    /** IFLA_BR_AGEING_TIME in centiseconds: how long a learned MAC stays in the FDB. */
    public record AgeingTime(int centiseconds) implements Attribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFLA_BR_AGEING_TIME, centiseconds);
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

    static BridgeInfo decode(AttributeReader reader) {
        List<Attribute> attributes = new ArrayList<>();
        while (reader.next()) {
            boolean u32 = reader.length() == 4;
            attributes.add(switch (reader.typeWord()) {
                case IFLA_BR_STP_STATE -> u32 ? new StpState(reader.u32Host()) : new Other(reader.raw());
                case IFLA_BR_FORWARD_DELAY -> u32 ? new ForwardDelay(reader.u32Host()) : new Other(reader.raw());
                case IFLA_BR_AGEING_TIME -> u32 ? new AgeingTime(reader.u32Host()) : new Other(reader.raw());
                default -> new Other(reader.raw());
            });
        }
        return new BridgeInfo(attributes);
    }
}
