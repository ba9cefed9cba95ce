package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.FixedHeader;
import netlab.netlink.HostOrder;

/**
 * {@code struct rtmsg} ({@code <linux/rtnetlink.h>}), the fixed part of a route message.
 *
 * @param family AF_INET (2) or AF_INET6 (10)
 * @param dstLength prefix length of the destination (0 for a default route)
 * @param srcLength prefix length of the source selector (0 for none)
 * @param tos the TOS the route matches (0 for any)
 * @param table RT_TABLE_* id; for an id above 255 the id is in RTA_TABLE and this field is
 *     RT_TABLE_UNSPEC in a request (as iproute2 sends it) or RT_TABLE_COMPAT in the kernel's reply
 * @param protocol who installed the route, RTPROT_* (values above RTPROT_STATIC are free for daemons)
 * @param scope RT_SCOPE_* distance to the destination
 * @param type RTN_* kind of route
 * @param flags RTM_F_* bits, and RTNH_F_* next-hop bits such as {@link #RTNH_F_ONLINK}
 */
public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope,
        int type, int flags) {
    public static final int SIZE = 12;

    public static final int RT_TABLE_UNSPEC = 0;
    public static final int RT_TABLE_COMPAT = 252;
    public static final int RT_TABLE_DEFAULT = 253;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;

    public static final int RTPROT_UNSPEC = 0;
    public static final int RTPROT_REDIRECT = 1;
    public static final int RTPROT_KERNEL = 2;
    public static final int RTPROT_BOOT = 3;
    public static final int RTPROT_STATIC = 4;

    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_SITE = 200;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    public static final int RT_SCOPE_NOWHERE = 255;

    public static final int RTN_UNSPEC = 0;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_LOCAL = 2;
    public static final int RTN_BROADCAST = 3;
    public static final int RTN_ANYCAST = 4;
    public static final int RTN_MULTICAST = 5;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;
    public static final int RTN_THROW = 9;

    /** The next-hop flags share rtm_flags' low byte for a single-path route. */
    public static final int RTNH_F_DEAD = 1;
    public static final int RTNH_F_PERVASIVE = 2;
    public static final int RTNH_F_ONLINK = 4;
    public static final int RTNH_F_OFFLOAD = 8;
    public static final int RTNH_F_LINKDOWN = 16;

    public static final int RTM_F_NOTIFY = 0x100;
    public static final int RTM_F_CLONED = 0x200;
    public static final int RTM_F_PREFIX = 0x800;

    void encode(ByteBuf out) {
        out.writeByte(family);
        out.writeByte(dstLength);
        out.writeByte(srcLength);
        out.writeByte(tos);
        out.writeByte(table);
        out.writeByte(protocol);
        out.writeByte(scope);
        out.writeByte(type);
        HostOrder.writeInt(out, flags);
    }

    static RtMsg decode(ByteBuf message, int offset, int end, DecodePath path) {
        FixedHeader.require(path, offset, end, SIZE, "rtmsg");
        return new RtMsg(
                message.getUnsignedByte(offset),
                message.getUnsignedByte(offset + 1),
                message.getUnsignedByte(offset + 2),
                message.getUnsignedByte(offset + 3),
                message.getUnsignedByte(offset + 4),
                message.getUnsignedByte(offset + 5),
                message.getUnsignedByte(offset + 6),
                message.getUnsignedByte(offset + 7),
                HostOrder.getInt(message, offset + 8));
    }

    RtMsg withProtocol(int newProtocol) {
        return new RtMsg(family, dstLength, srcLength, tos, table, newProtocol, scope, type, flags);
    }

    RtMsg withTable(int newTable) {
        return new RtMsg(family, dstLength, srcLength, tos, newTable, protocol, scope, type, flags);
    }

    RtMsg withFlags(int newFlags) {
        return new RtMsg(family, dstLength, srcLength, tos, table, protocol, scope, type, newFlags);
    }
}
