package netlab.netlink.nftables.nat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A match of a packet's source or destination address against a network: {@code 10.0.0.0/8},
 * {@code != 2001:db8::/32}, or one address ({@code 172.31.37.209}, a prefix of full length).
 *
 * @param network the network's address, host bits zero, of the family the match is for
 * @param prefixLength 1..32 for IPv4, 1..128 for IPv6
 * @param negated true for {@code !=}: the address is outside the network
 */
public record PrefixMatch(InetAddress network, int prefixLength, boolean negated) {
    public PrefixMatch {
        Objects.requireNonNull(network, "network");
        IpFamily family = IpFamily.of(network);
        family.require(network, "network");
        if (prefixLength < 1 || prefixLength > family.maxPrefixLength()) {
            throw new IllegalArgumentException(family.keyword() + " prefix length " + prefixLength + " is not in 1.."
                    + family.maxPrefixLength());
        }
        byte[] address = network.getAddress();
        byte[] masked = and(address, mask(family, prefixLength));
        if (!Arrays.equals(address, masked)) {
            throw new IllegalArgumentException(AddressText.format(network) + "/" + prefixLength + " has host bits set; the network is "
                    + AddressText.format(family.address(masked)) + "/" + prefixLength);
        }
    }

    /** Addresses in {@code network/prefixLength}: {@code ip saddr 10.0.0.0/8}. */
    public static PrefixMatch of(InetAddress network, int prefixLength) {
        return new PrefixMatch(network, prefixLength, false);
    }

    /** Addresses outside {@code network/prefixLength}: {@code ip daddr != 172.31.0.0/16}. */
    public static PrefixMatch not(InetAddress network, int prefixLength) {
        return new PrefixMatch(network, prefixLength, true);
    }

    public IpFamily family() {
        return IpFamily.of(network);
    }

    /** True when the prefix is a single address, which nft prints without {@code /32} or {@code /128}. */
    public boolean isFullLength() {
        return prefixLength == family().maxPrefixLength();
    }

    /**
     * The right-hand side as {@code nft list} prints it: {@code 172.31.0.0/16},
     * {@code != 2001:db8::/48}, {@code 172.31.37.209}.
     */
    public String text() {
        String address = AddressText.format(network);
        return (negated ? "!= " : "") + (isFullLength() ? address : address + "/" + prefixLength);
    }

    /** The network mask, as long as an address of the family: {@code prefixLength} one bits, then zeros. */
    byte[] mask() {
        return mask(family(), prefixLength);
    }

    private static byte[] mask(IpFamily family, int prefixLength) {
        byte[] mask = new byte[family.addressBytes()];
        for (int bit = 0; bit < prefixLength; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
    }

    private static byte[] and(byte[] address, byte[] mask) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] &= mask[i];
        }
        return masked;
    }
}
