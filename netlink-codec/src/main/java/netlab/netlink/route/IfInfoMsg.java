package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.FixedHeader;
import netlab.netlink.HostOrder;

/**
 * {@code struct ifinfomsg} ({@code <linux/rtnetlink.h>}), the fixed part of a link message and of
 * a veth peer (VETH_INFO_PEER). Its padding byte is written as zero and ignored when read.
 *
 * @param family AF_UNSPEC for requests, AF_PACKET for iproute2's dumps
 * @param type ARPHRD_* device type (0 in requests)
 * @param index the interface index, 0 when a request names the link by IFLA_IFNAME or creates one
 * @param flags IFF_* bits ({@code <linux/if.h>}), e.g. {@link #IFF_UP}
 * @param change the IFF_* bits of {@code flags} a request wants applied; 0 leaves them alone
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) {
    public static final int SIZE = 16;

    public static final int IFF_UP = 1 << 0;
    public static final int IFF_BROADCAST = 1 << 1;
    public static final int IFF_DEBUG = 1 << 2;
    public static final int IFF_LOOPBACK = 1 << 3;
    public static final int IFF_POINTOPOINT = 1 << 4;
    public static final int IFF_NOTRAILERS = 1 << 5;
    public static final int IFF_RUNNING = 1 << 6;
    public static final int IFF_NOARP = 1 << 7;
    public static final int IFF_PROMISC = 1 << 8;
    public static final int IFF_ALLMULTI = 1 << 9;
    public static final int IFF_MASTER = 1 << 10;
    public static final int IFF_SLAVE = 1 << 11;
    public static final int IFF_MULTICAST = 1 << 12;
    public static final int IFF_PORTSEL = 1 << 13;
    public static final int IFF_AUTOMEDIA = 1 << 14;
    public static final int IFF_DYNAMIC = 1 << 15;
    public static final int IFF_LOWER_UP = 1 << 16;
    public static final int IFF_DORMANT = 1 << 17;
    public static final int IFF_ECHO = 1 << 18;

    /** A request header naming a link by index (0: by IFLA_IFNAME, or a link to create). */
    public static IfInfoMsg request(int index) {
        return new IfInfoMsg(RtFamily.AF_UNSPEC, 0, index, 0, 0);
    }

    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    void encode(ByteBuf out) {
        out.writeByte(family);
        out.writeZero(1);
        HostOrder.writeShort(out, type);
        HostOrder.writeInt(out, index);
        HostOrder.writeInt(out, flags);
        HostOrder.writeInt(out, change);
    }

    static IfInfoMsg decode(ByteBuf message, int offset, int end, DecodePath path) {
        FixedHeader.require(path, offset, end, SIZE, "ifinfomsg");
        return new IfInfoMsg(
                message.getUnsignedByte(offset),
                HostOrder.getUnsignedShort(message, offset + 2),
                HostOrder.getInt(message, offset + 4),
                HostOrder.getInt(message, offset + 8),
                HostOrder.getInt(message, offset + 12));
    }
}
