package netlab.netlink;

import io.netty.buffer.ByteBuf;

/**
 * The 16-byte {@code struct nlmsghdr} that starts every netlink message ({@code <linux/netlink.h>}).
 * Its fields are in host byte order, like every netlink header.
 *
 * @param length total length of the message, header included, before padding
 * @param type message type, e.g. {@code RTM_NEWLINK} or {@link #NLMSG_DONE}
 * @param flags {@code NLM_F_*} bits
 * @param sequence the requester's sequence number, echoed in replies
 * @param portId the sending socket's port id (0 for the kernel)
 */
public record NlMsgHeader(int length, int type, int flags, int sequence, int portId) {
    public static final int SIZE = 16;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    /** Reads a header at {@code index} without moving the reader index. */
    public static NlMsgHeader peek(ByteBuf buffer, int index) {
        return new NlMsgHeader(
                HostOrder.getInt(buffer, index),
                HostOrder.getUnsignedShort(buffer, index + 4),
                HostOrder.getUnsignedShort(buffer, index + 6),
                HostOrder.getInt(buffer, index + 8),
                HostOrder.getInt(buffer, index + 12));
    }

    public void write(ByteBuf buffer) {
        HostOrder.writeInt(buffer, length);
        HostOrder.writeShort(buffer, type);
        HostOrder.writeShort(buffer, flags);
        HostOrder.writeInt(buffer, sequence);
        HostOrder.writeInt(buffer, portId);
    }

    /** NLMSG_ALIGN: messages in one datagram start on 4-byte boundaries. */
    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
