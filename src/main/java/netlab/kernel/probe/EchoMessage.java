package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;

/**
 * An ICMP or ICMPv6 echo request or reply carrying an {@link EchoToken} (RFC 792, RFC 4443 4.1):
 * type, code 0, checksum, identifier, sequence number, then the token. The ICMPv4 checksum is
 * computed here; an ICMPv6 raw socket has the kernel fill it (it covers a pseudo-header of
 * addresses only the kernel knows for sure).
 */
record EchoMessage(boolean ipv6, boolean request, int identifier, int sequence, EchoToken token) {
    static final int ICMP_ECHO_REPLY = 0;
    static final int ICMP_ECHO_REQUEST = 8;
    static final int ICMPV6_ECHO_REQUEST = 128;
    static final int ICMPV6_ECHO_REPLY = 129;
    static final int HEADER_SIZE = 8;

    void encode(ByteBuf out) {
        int start = out.writerIndex();
        out.writeByte(type()).writeByte(0).writeShort(0).writeShort(identifier).writeShort(sequence);
        token.write(out);
        if (!ipv6) {
            out.setShort(start + 2, InternetChecksum.of(out, start, out.writerIndex() - start));
        }
    }

    private int type() {
        if (ipv6) {
            return request ? ICMPV6_ECHO_REQUEST : ICMPV6_ECHO_REPLY;
        }
        return request ? ICMP_ECHO_REQUEST : ICMP_ECHO_REPLY;
    }

    /**
     * The echo message {@code icmp} holds (from its reader index), or null if it is no echo or
     * carries no token (somebody else's ping). Does not move the reader index.
     */
    static EchoMessage decode(ByteBuf icmp, boolean ipv6) {
        if (icmp.readableBytes() < HEADER_SIZE + EchoToken.SIZE) {
            return null;
        }
        int at = icmp.readerIndex();
        int type = icmp.getUnsignedByte(at);
        boolean request = type == (ipv6 ? ICMPV6_ECHO_REQUEST : ICMP_ECHO_REQUEST);
        if (!request && type != (ipv6 ? ICMPV6_ECHO_REPLY : ICMP_ECHO_REPLY)) {
            return null;
        }
        EchoToken token = EchoToken.read(icmp.slice(at + HEADER_SIZE, icmp.readableBytes() - HEADER_SIZE));
        return new EchoMessage(ipv6, request, icmp.getUnsignedShort(at + 4), icmp.getUnsignedShort(at + 6), token);
    }
}
