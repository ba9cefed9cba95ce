package netlab.netlink.nftables.nat;

import java.net.InetAddress;

/**
 * Addresses as {@code nft list} prints them, which is glibc's {@code inet_ntop}. Java's
 * {@link InetAddress#getHostAddress()} does not compress IPv6 zeros ({@code 2001:db8:0:0:0:0:0:1}),
 * so netlab writes the text itself.
 */
final class AddressText {
    private AddressText() {}

    static String format(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? dotted(bytes, 0) : ipv6(bytes);
    }

    /**
     * glibc's {@code inet_ntop6} (resolv/inet_ntop.c): the first longest run of two or more zero
     * words becomes {@code ::}; words are lower-case hex without leading zeros; the last 32 bits
     * are dotted when the address is IPv4-compatible ({@code ::1.2.3.4}: exactly the first six
     * words zero) or IPv4-mapped ({@code ::ffff:1.2.3.4}). So {@code ::2} stays {@code ::2},
     * but {@code ::ffff:0} is {@code ::255.255.0.0}: nft 1.0.6 prints both so.
     */
    private static String ipv6(byte[] bytes) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && words[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestBase = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        boolean embedsIpv4 = bestBase == 0 && (bestLength == 6 || bestLength == 5 && words[5] == 0xffff);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    text.append(':');
                }
                continue;
            }
            if (i != 0) {
                text.append(':');
            }
            if (i == 6 && embedsIpv4) {
                return text.append(dotted(bytes, 12)).toString();
            }
            text.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            text.append(':');
        }
        return text.toString();
    }

    private static String dotted(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "." + (bytes[from + 3] & 0xff);
    }
}
