package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import netlab.sys.IcmpSocket;

/**
 * One ICMP message a socket read: who sent it, the TTL or hop limit it arrived with, and the ICMP
 * message itself (a view of the read buffer, valid until the next read). An IPv4 raw read starts
 * with the IP header, which gives the TTL; an IPv6 one gets it from a control message.
 */
record Arrival(InetAddress source, int hopLimit, ByteBuf icmp) {
    private static final int IPV4_MIN_HEADER = 20;

    /** The message in the first {@code datagram.length()} bytes of {@code buffer}, or null if it is cut short. */
    static Arrival of(IcmpSocket.Datagram datagram, ByteBuf buffer, boolean ipv6) {
        ByteBuf read = buffer.setIndex(0, datagram.length());
        if (ipv6) {
            return new Arrival(datagram.source(), datagram.hopLimit(), read);
        }
        if (read.readableBytes() < IPV4_MIN_HEADER) {
            return null;
        }
        int headerSize = (read.getUnsignedByte(0) & 0x0f) * 4;
        if (read.readableBytes() < headerSize) {
            return null;
        }
        return new Arrival(datagram.source(), read.getUnsignedByte(8), read.skipBytes(headerSize));
    }
}
