package netlab.kernel;

import static netlab.netlink.nftables.nat.IpFamily.IPV4;
import static netlab.netlink.nftables.nat.IpFamily.IPV6;
import static netlab.netlink.nftables.nat.SourceNatRule.masquerade;
import static netlab.netlink.nftables.nat.SourceNatRule.snat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import netlab.netlink.nftables.nat.IpFamily;
import netlab.netlink.nftables.nat.PrefixMatch;
import netlab.netlink.nftables.nat.SourceNatRule;

/**
 * A rule of every form the NAT grammar allows, per family: masquerade and snat; source,
 * destination, negated, both, out interface, all; byte-aligned, other and full-length prefixes
 * (/1, /31, /127); IPv4-mapped and -compatible IPv6; interface names of 15 bytes, UTF-8, and
 * with characters nft must quote or escape.
 */
final class NatRuleForms {
    private NatRuleForms() {}

    static List<SourceNatRule> of(IpFamily family) {
        return family == IPV4 ? List.of(
                masquerade(IPV4),
                snat(ip("198.51.100.209")),
                masquerade(IPV4).withSource(in("192.168.0.0", 24)),
                snat(ip("198.51.100.1")).withDestination(in("10.1.0.0", 20)),
                masquerade(IPV4).withDestination(PrefixMatch.not(ip("172.31.0.0"), 16)),
                masquerade(IPV4).withSource(PrefixMatch.not(ip("10.0.0.0"), 31)).withDestination(in("128.0.0.0", 1)),
                snat(ip("198.51.100.209")).withSource(in("172.31.37.209", 32)).withDestination(PrefixMatch.not(ip("172.31.0.0"), 16)),
                masquerade(IPV4).withOutInterface("wan"),
                snat(ip("192.0.2.1")).withOutInterface("uplink.4094-a_b").withSource(in("10.0.0.0", 8))
                        .withDestination(in("203.0.113.7", 32)),
                masquerade(IPV4).withOutInterface("ëth0"),
                masquerade(IPV4).withOutInterface("wan*"),
                masquerade(IPV4).withOutInterface("a#b$c'd{e};"),
                masquerade(IPV4).withOutInterface("x\\"))
            : List.of(
                masquerade(IPV6),
                snat(ip("2001:db8::1")),
                masquerade(IPV6).withSource(in("2001:db8:1::", 64)),
                snat(ip("2001:db8:ffff::1")).withDestination(in("2001:db8:10::", 60)),
                masquerade(IPV6).withDestination(PrefixMatch.not(ip("2001:db8::"), 48)),
                snat(mapped("198.51.100.9")).withSource(in("2001:db8:1::5", 128)).withDestination(PrefixMatch.not(ip("2001:db8::"), 32)),
                masquerade(IPV6).withSource(PrefixMatch.not(ip("fd00::"), 127)).withDestination(in("8000::", 1)),
                masquerade(IPV6).withSource(PrefixMatch.of(mapped("1.2.3.0"), 120)).withDestination(in("::", 1)),
                snat(ip("2001:db8::ffff:1")).withOutInterface("lan-ñ").withSource(in("fe80::", 10)).withDestination(in("::2", 128)),
                snat(ip("::1.2.3.4")).withOutInterface("123456789012345"));
    }

    private static PrefixMatch in(String network, int length) {
        return PrefixMatch.of(ip(network), length);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code ::ffff:IPV4} as an Inet6Address (InetAddress.getByName would make it IPv4). */
    private static InetAddress mapped(String ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = bytes[11] = (byte) 0xff;
        System.arraycopy(ip(ipv4).getAddress(), 0, bytes, 12, 4);
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
