package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.FixedHeader;
import netlab.netlink.HostOrder;

/**
 * {@code struct tcmsg} ({@code <linux/rtnetlink.h>}), the fixed part of a traffic-control message.
 * Its padding is written as zeros and ignored when read.
 *
 * @param family AF_UNSPEC (0), as tc sends it and the kernel answers
 * @param ifindex the device (0 in a dump request: every device)
 * @param handle the qdisc's handle, major number in the upper 16 bits ({@code 800b:} is
 *     0x800b0000); 0 in a request lets the kernel pick one
 * @param parent {@link #TC_H_ROOT} for a device's root qdisc, else the parent class
 * @param info the qdisc's reference count in a dump; 0 in requests
 */
public record TcMsg(int family, int ifindex, int handle, int parent, int info) {
    public static final int SIZE = 20;

    /** {@code TC_H_ROOT} ({@code <linux/pkt_sched.h>}): the device's egress root. */
    public static final int TC_H_ROOT = 0xFFFFFFFF;
    public static final int TC_H_UNSPEC = 0;

    /** A request on {@code ifindex}'s root qdisc, as tc sends it for {@code dev IF root}. */
    static TcMsg root(int ifindex) {
        return new TcMsg(RtFamily.AF_UNSPEC, ifindex, 0, TC_H_ROOT, 0);
    }

    void encode(ByteBuf out) {
        out.writeByte(family);
        out.writeZero(3);
        HostOrder.writeInt(out, ifindex);
        HostOrder.writeInt(out, handle);
        HostOrder.writeInt(out, parent);
        HostOrder.writeInt(out, info);
    }

    static TcMsg decode(ByteBuf message, int offset, int end, DecodePath path) {
        FixedHeader.require(path, offset, end, SIZE, "tcmsg");
        return new TcMsg(
                message.getUnsignedByte(offset),
                HostOrder.getInt(message, offset + 4),
                HostOrder.getInt(message, offset + 8),
                HostOrder.getInt(message, offset + 12),
                HostOrder.getInt(message, offset + 16));
    }
}
