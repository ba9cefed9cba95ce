package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.FixedHeader;
import netlab.netlink.HostOrder;

/**
 * {@code struct ifaddrmsg} ({@code <linux/if_addr.h>}), the fixed part of an address message.
 *
 * @param family AF_INET (2) or AF_INET6 (10)
 * @param prefixLength the prefix length of the address, e.g. 24
 * @param flags the low 8 IFA_F_* bits; the full set travels in IFA_FLAGS when any higher bit is set
 * @param scope RT_SCOPE_* value, e.g. {@link RtMsg#RT_SCOPE_UNIVERSE}
 * @param ifindex the interface the address is on
 */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int ifindex) {
    public static final int SIZE = 8;

    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_TEMPORARY = IFA_F_SECONDARY;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_OPTIMISTIC = 0x04;
    public static final int IFA_F_DADFAILED = 0x08;
    public static final int IFA_F_HOMEADDRESS = 0x10;
    public static final int IFA_F_DEPRECATED = 0x20;
    public static final int IFA_F_TENTATIVE = 0x40;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int IFA_F_MANAGETEMPADDR = 0x100;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;
    public static final int IFA_F_MCAUTOJOIN = 0x400;
    public static final int IFA_F_STABLE_PRIVACY = 0x800;

    void encode(ByteBuf out) {
        out.writeByte(family);
        out.writeByte(prefixLength);
        out.writeByte(flags);
        out.writeByte(scope);
        HostOrder.writeInt(out, ifindex);
    }

    static IfAddrMsg decode(ByteBuf message, int offset, int end, DecodePath path) {
        FixedHeader.require(path, offset, end, SIZE, "ifaddrmsg");
        return new IfAddrMsg(
                message.getUnsignedByte(offset),
                message.getUnsignedByte(offset + 1),
                message.getUnsignedByte(offset + 2),
                message.getUnsignedByte(offset + 3),
                HostOrder.getInt(message, offset + 4));
    }
}
