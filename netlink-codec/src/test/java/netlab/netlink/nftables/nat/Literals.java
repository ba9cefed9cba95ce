package netlab.netlink.nftables.nat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Addresses and prefixes from literals, for tests; an IPv6 literal stays IPv6, IPv4-mapped ones too. */
final class Literals {
    private Literals() {}

    /** {@code "10.0.0.1"}, {@code "2001:db8::1"}, {@code "::ffff:1.2.3.4"} (an Inet6Address, unlike InetAddress.getByName). */
    static InetAddress ip(String literal) {
        try {
            InetAddress parsed = InetAddress.getByName(literal); // a literal: no lookup
            if (literal.contains(":") && parsed instanceof Inet4Address mapped) {
                byte[] bytes = Arrays.copyOf(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}, 16);
                System.arraycopy(mapped.getAddress(), 0, bytes, 12, 4);
                return Inet6Address.getByAddress(null, bytes, -1);
            }
            return parsed;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code "10.0.0.0/8"}, {@code "!= 2001:db8::/32"}, {@code "172.31.37.209"} (full length), as nft writes them. */
    static PrefixMatch prefix(String text) {
        boolean negated = text.startsWith("!= ");
        String cidr = negated ? text.substring(3) : text;
        int slash = cidr.indexOf('/');
        InetAddress network = ip(slash < 0 ? cidr : cidr.substring(0, slash));
        int length = slash < 0 ? IpFamily.of(network).maxPrefixLength() : Integer.parseInt(cidr.substring(slash + 1));
        return new PrefixMatch(network, length, negated);
    }
}
