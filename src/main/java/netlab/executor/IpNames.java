package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.route.RtMsg;

/**
 * Kernel numbers spelled as iproute2 prints them (its built-in tables in lib/rt_names.c and
 * ip/ipaddress.c), so that {@code netlab show} and {@code ip} can be read side by side. A number
 * iproute2 has no name for is printed as the number, as it does.
 */
public final class IpNames {
    /** iproute2's rtnl_rtprot_tab, by RTPROT_* value. */
    private static final String[] PROTOCOLS = new String[256];
    /** IF_OPER_* ({@code <linux/if.h>}): ip's oper_states. */
    private static final String[] OPER_STATES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
            "DORMANT", "UP"};
    /** RTN_* ({@code <linux/rtnetlink.h>}): ip's rtnl_rtntype_n2a. */
    private static final String[] ROUTE_TYPES = {"none", "unicast", "local", "broadcast", "anycast", "multicast",
            "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"};

    static {
        PROTOCOLS[0] = "unspec";
        PROTOCOLS[1] = "redirect";
        PROTOCOLS[2] = "kernel";
        PROTOCOLS[3] = "boot";
        PROTOCOLS[4] = "static";
        PROTOCOLS[8] = "gated";
        PROTOCOLS[9] = "ra";
        PROTOCOLS[10] = "mrt";
        PROTOCOLS[11] = "zebra";
        PROTOCOLS[12] = "bird";
        PROTOCOLS[13] = "dnrouted";
        PROTOCOLS[14] = "xorp";
        PROTOCOLS[15] = "ntk";
        PROTOCOLS[16] = "dhcp";
        PROTOCOLS[18] = "keepalived";
        PROTOCOLS[42] = "babel";
        PROTOCOLS[99] = "openr";
        PROTOCOLS[186] = "bgp";
        PROTOCOLS[187] = "isis";
        PROTOCOLS[188] = "ospf";
        PROTOCOLS[189] = "rip";
        PROTOCOLS[192] = "eigrp";
    }

    private IpNames() {}

    public static String protocol(int protocol) {
        String name = protocol >= 0 && protocol < PROTOCOLS.length ? PROTOCOLS[protocol] : null;
        return name != null ? name : Integer.toString(protocol);
    }

    /** ip's rtnl_rtscope_n2a. */
    public static String scope(int scope) {
        return switch (scope) {
            case RtMsg.RT_SCOPE_UNIVERSE -> "global";
            case RtMsg.RT_SCOPE_SITE -> "site";
            case RtMsg.RT_SCOPE_LINK -> "link";
            case RtMsg.RT_SCOPE_HOST -> "host";
            case RtMsg.RT_SCOPE_NOWHERE -> "nowhere";
            default -> Integer.toString(scope);
        };
    }

    public static String operState(int state) {
        return state >= 0 && state < OPER_STATES.length ? OPER_STATES[state] : Integer.toString(state);
    }

    public static String routeType(int type) {
        return type >= 0 && type < ROUTE_TYPES.length ? ROUTE_TYPES[type] : Integer.toString(type);
    }

    /** ICMPV6_ROUTER_PREF_* ({@code <linux/icmpv6.h>}), as ip prints "pref". */
    static String routePreference(int preference) {
        return switch (preference) {
            case 0 -> "medium";
            case 1 -> "high";
            case 3 -> "low";
            default -> Integer.toString(preference);
        };
    }

    /** The RTNH_F_* bits of a route, as ip prints them after the route. */
    static List<String> routeFlags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & RtMsg.RTNH_F_DEAD) != 0) {
            names.add("dead");
        }
        if ((flags & RtMsg.RTNH_F_ONLINK) != 0) {
            names.add("onlink");
        }
        if ((flags & RtMsg.RTNH_F_PERVASIVE) != 0) {
            names.add("pervasive");
        }
        if ((flags & RtMsg.RTNH_F_OFFLOAD) != 0) {
            names.add("offload");
        }
        if ((flags & RtMsg.RTNH_F_LINKDOWN) != 0) {
            names.add("linkdown");
        }
        return names;
    }
}
