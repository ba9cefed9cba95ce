package netlab.netlink.route;

/**
 * rtnetlink multicast groups as bind(2) bit masks ({@code RTMGRP_*} in {@code <linux/rtnetlink.h>}):
 * a socket bound with them receives notifications of the changes.
 */
public final class RtnetlinkGroups {
    public static final int RTMGRP_LINK = 0x1;
    public static final int RTMGRP_NEIGH = 0x4;
    public static final int RTMGRP_IPV4_IFADDR = 0x10;
    public static final int RTMGRP_IPV4_ROUTE = 0x40;
    public static final int RTMGRP_IPV6_IFADDR = 0x100;
    public static final int RTMGRP_IPV6_ROUTE = 0x400;

    /** Links, addresses and routes of both families: what {@code ip monitor} shows by default. */
    public static final int LINKS_ADDRESSES_ROUTES = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV4_ROUTE
            | RTMGRP_IPV6_IFADDR | RTMGRP_IPV6_ROUTE;

    private RtnetlinkGroups() {}
}
