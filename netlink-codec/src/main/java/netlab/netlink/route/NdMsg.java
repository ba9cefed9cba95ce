package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.FixedHeader;
import netlab.netlink.HostOrder;

/**
 * {@code struct ndmsg} ({@code <linux/neighbour.h>}), the fixed part of a neighbour message.
 * Its padding is written as zeros and ignored when read.
 *
 * @param family AF_INET (2) or AF_INET6 (10)
 * @param ifindex the interface the entry is on
 * @param state NUD_* bits, e.g. {@link #NUD_PERMANENT}
 * @param flags NTF_* bits
 * @param type RTN_* route type (RTN_UNICAST = 1 for a plain entry)
 */
public record NdMsg(int family, int ifindex, int state, int flags, int type) {
    public static final int SIZE = 12;

    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;

    public static final int NTF_USE = 1 << 0;
    public static final int NTF_SELF = 1 << 1;
    public static final int NTF_MASTER = 1 << 2;
    public static final int NTF_PROXY = 1 << 3;
    public static final int NTF_EXT_LEARNED = 1 << 4;
    public static final int NTF_ROUTER = 1 << 7;

    void encode(ByteBuf out) {
        out.writeByte(family);
        out.writeZero(3);
        HostOrder.writeInt(out, ifindex);
        HostOrder.writeShort(out, state);
        out.writeByte(flags);
        out.writeByte(type);
    }

    static NdMsg decode(ByteBuf message, int offset, int end, DecodePath path) {
        FixedHeader.require(path, offset, end, SIZE, "ndmsg");
        return new NdMsg(
                message.getUnsignedByte(offset),
                HostOrder.getInt(message, offset + 4),
                HostOrder.getUnsignedShort(message, offset + 8),
                message.getUnsignedByte(offset + 10),
                message.getUnsignedByte(offset + 11));
    }
}
