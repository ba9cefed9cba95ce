package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;

/**
 * An ICMP error (destination unreachable, time exceeded, ...) about one of our echo requests:
 * what it says, in words close to ping's, and the request it quotes (RFC 792: the IP header and
 * the start of the datagram; Linux quotes up to 576 bytes in all, RFC 4443 2.4: as much as fits
 * in 1280 for ICMPv6, so the token is there). An error whose quote is cut before the token is
 * not ours to claim.
 */
record IcmpError(String what, EchoMessage quoted) {
    private static final int ICMP_DEST_UNREACH = 3;
    private static final int ICMP_TIME_EXCEEDED = 11;
    private static final int ICMP_PARAMETERPROB = 12;
    private static final int ICMPV6_DEST_UNREACH = 1;
    private static final int ICMPV6_PKT_TOOBIG = 2;
    private static final int ICMPV6_TIME_EXCEED = 3;
    private static final int ICMPV6_PARAMPROB = 4;
    /** Type, code, checksum, and 4 bytes (unused, MTU or pointer) before the quote. */
    private static final int ERROR_HEADER_SIZE = 8;
    private static final int IPV6_HEADER_SIZE = 40;
    private static final int IPPROTO_ICMPV6 = 58;

    /** "ttl exceeded, said 10.0.1.1". */
    String failure(InetAddress said) {
        return what + ", said " + said.getHostAddress();
    }

    /** The error {@code icmp} holds (from its reader index) if it quotes an echo request, else null. */
    static IcmpError decode(ByteBuf icmp, boolean ipv6) {
        if (icmp.readableBytes() < ERROR_HEADER_SIZE) {
            return null;
        }
        int at = icmp.readerIndex();
        String what = ipv6 ? describeV6(icmp.getUnsignedByte(at), icmp.getUnsignedByte(at + 1))
                : describeV4(icmp.getUnsignedByte(at), icmp.getUnsignedByte(at + 1));
        if (what == null) {
            return null;
        }
        ByteBuf quote = icmp.slice(at + ERROR_HEADER_SIZE, icmp.readableBytes() - ERROR_HEADER_SIZE);
        int headerSize;
        if (ipv6) {
            // Extension headers in front of the quoted ICMPv6 are not followed: we send none.
            if (quote.readableBytes() < IPV6_HEADER_SIZE || quote.getUnsignedByte(6) != IPPROTO_ICMPV6) {
                return null;
            }
            headerSize = IPV6_HEADER_SIZE;
        } else {
            if (quote.readableBytes() < 20 || quote.getUnsignedByte(9) != 1) { // protocol 1: ICMP
                return null;
            }
            headerSize = (quote.getUnsignedByte(0) & 0x0f) * 4;
        }
        if (quote.readableBytes() < headerSize) {
            return null;
        }
        EchoMessage quoted = EchoMessage.decode(quote.skipBytes(headerSize), ipv6);
        return quoted == null || !quoted.request() || quoted.token() == null ? null : new IcmpError(what, quoted);
    }

    private static String describeV4(int type, int code) {
        return switch (type) {
            case ICMP_DEST_UNREACH -> switch (code) {
                case 0 -> "network unreachable";
                case 1 -> "host unreachable";
                case 2 -> "protocol unreachable";
                case 3 -> "port unreachable";
                case 4 -> "fragmentation needed";
                case 5 -> "source route failed";
                case 9, 10, 13 -> "administratively prohibited";
                default -> "destination unreachable (code " + code + ")";
            };
            case ICMP_TIME_EXCEEDED -> code == 0 ? "ttl exceeded" : "fragment reassembly time exceeded";
            case ICMP_PARAMETERPROB -> "parameter problem";
            default -> null;
        };
    }

    private static String describeV6(int type, int code) {
        return switch (type) {
            case ICMPV6_DEST_UNREACH -> switch (code) {
                case 0 -> "no route to destination";
                case 1 -> "administratively prohibited";
                case 2 -> "beyond scope of source address";
                case 3 -> "address unreachable";
                case 4 -> "port unreachable";
                case 5 -> "source address failed policy";
                case 6 -> "reject route to destination";
                default -> "destination unreachable (code " + code + ")";
            };
            case ICMPV6_PKT_TOOBIG -> "packet too big";
            case ICMPV6_TIME_EXCEED -> code == 0 ? "hop limit exceeded" : "fragment reassembly time exceeded";
            case ICMPV6_PARAMPROB -> "parameter problem";
            default -> null;
        };
    }
}
