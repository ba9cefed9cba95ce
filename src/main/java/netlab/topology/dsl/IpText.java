package netlab.topology.dsl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Address literals, parsed by hand: {@link InetAddress#getByName} would send anything that is not
 * a literal to DNS, and it accepts forms ({@code 10.1}, octal-looking {@code 010.0.0.1}) that
 * read differently to different tools. IPv4 is exactly four decimal parts 0..255 without leading
 * zeros; IPv6 is RFC 4291 text (one {@code ::}, an optional dotted IPv4 tail), no zone.
 */
public final class IpText {
    private IpText() {}

    /** The address, or null when {@code text} is not a literal. */
    public static InetAddress parse(String text) {
        if (text.length() > 45) {
            return null;
        }
        byte[] bytes = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        if (bytes == null) {
            return null;
        }
        try {
            // Inet6Address keeps ::ffff:a.b.c.d an IPv6 address; InetAddress would turn it into IPv4.
            return bytes.length == 4 ? Inet4Address.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** One pass, no split and no streams: a big lab's file holds thousands of these. */
    static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int parts = 0;
        int value = 0;
        int length = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.'; // the end closes the last part
            if (c == '.') {
                if (length == 0 || parts == 4) {
                    return null;
                }
                bytes[parts++] = (byte) value;
                value = 0;
                length = 0;
            } else if (c >= '0' && c <= '9') {
                if (length == 1 && value == 0) {
                    return null; // a leading zero
                }
                value = value * 10 + (c - '0');
                length++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return parts == 4 ? bytes : null;
    }

    static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] bytes = new byte[16];
        if (gap < 0) {
            return groups(text, bytes, 0, 16) == 16 ? bytes : null;
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        byte[] tailBytes = new byte[16];
        int headLength = head.isEmpty() ? 0 : groups(head, bytes, 0, 14);
        int tailLength = tail.isEmpty() ? 0 : groups(tail, tailBytes, 0, 14);
        if (headLength < 0 || tailLength < 0 || headLength + tailLength > 14) {
            return null;
        }
        System.arraycopy(tailBytes, 0, bytes, 16 - tailLength, tailLength);
        return bytes;
    }

    /** Writes colon-separated groups into {@code out}; the byte count, or -1 when malformed. */
    private static int groups(String text, byte[] out, int offset, int max) {
        String[] parts = text.split(":", -1);
        int at = offset;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] v4 = ipv4(part);
                if (v4 == null || at + 4 > max) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, at, 4);
                return at + 4;
            }
            if (part.isEmpty() || part.length() > 4 || !hex(part) || at + 2 > max) {
                return -1;
            }
            int value = Integer.parseInt(part, 16);
            out[at++] = (byte) (value >> 8);
            out[at++] = (byte) value;
        }
        return at;
    }

    private static boolean hex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
