package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.FixedHeader;

/**
 * {@code struct nfgenmsg} ({@code <linux/netfilter/nfnetlink.h>}), the fixed part of every
 * NETLINK_NETFILTER message.
 *
 * @param family NFPROTO_* family of the object ({@link NfProto}); AF_UNSPEC in batch markers
 * @param version NFNETLINK_V0
 * @param resourceId {@code res_id}, a {@code __be16}: the subsystem (NFNL_SUBSYS_NFTABLES) in
 *     batch markers, 0 otherwise (the generation id's low bits in kernel replies)
 */
public record NfGenMsg(int family, int version, int resourceId) {
    public static final int SIZE = 4;
    public static final int NFNETLINK_V0 = 0;

    /** The header of an nf_tables object message of {@code family}. */
    public static NfGenMsg of(int family) {
        return new NfGenMsg(family, NFNETLINK_V0, 0);
    }

    void encode(ByteBuf out) {
        out.writeByte(family);
        out.writeByte(version);
        out.writeShort(resourceId); // big-endian, unlike the netlink header around it
    }

    static NfGenMsg decode(ByteBuf message, int offset, int end, DecodePath path) {
        FixedHeader.require(path, offset, end, SIZE, "nfgenmsg");
        return new NfGenMsg(message.getUnsignedByte(offset), message.getUnsignedByte(offset + 1),
                message.getUnsignedShort(offset + 2));
    }
}
