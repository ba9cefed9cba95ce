package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of the
 * 16-bit big-endian words. Raw ICMPv4 sockets send what they are given, so the sender fills it;
 * for ICMPv6 the kernel does (it needs the addresses of the pseudo-header).
 */
final class InternetChecksum {
    private InternetChecksum() {}

    /** The checksum of {@code length} bytes of {@code buffer} from {@code offset}. */
    static int of(ByteBuf buffer, int offset, int length) {
        long sum = 0;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += buffer.getUnsignedShort(offset + i);
        }
        if (i < length) {
            sum += buffer.getUnsignedByte(offset + i) << 8; // an odd last byte is padded with zero
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
