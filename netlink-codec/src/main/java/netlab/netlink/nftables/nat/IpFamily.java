package netlab.netlink.nftables.nat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import netlab.netlink.nftables.NfProto;

/**
 * The family of a NAT table ({@code ip} or {@code ip6}) and what the rules' expressions need to
 * know of its network header: where the addresses are and how long they are.
 */
public enum IpFamily {
    /** {@code ip}: IPv4, whose header has the source address at byte 12 and the destination at 16 (RFC 791). */
    IPV4("ip", NfProto.NFPROTO_IPV4, 4, 12, 16),
    /** {@code ip6}: IPv6, whose header has the source address at byte 8 and the destination at 24 (RFC 8200). */
    IPV6("ip6", NfProto.NFPROTO_IPV6, 16, 8, 24);

    private final String keyword;
    private final int nfproto;
    private final int addressBytes;
    private final int sourceOffset;
    private final int destinationOffset;

    IpFamily(String keyword, int nfproto, int addressBytes, int sourceOffset, int destinationOffset) {
        this.keyword = keyword;
        this.nfproto = nfproto;
        this.addressBytes = addressBytes;
        this.sourceOffset = sourceOffset;
        this.destinationOffset = destinationOffset;
    }

    /** nft's name of the family, of a table and of its header fields: {@code ip} or {@code ip6}. */
    public String keyword() {
        return keyword;
    }

    /** The family on the wire: {@link NfProto#NFPROTO_IPV4} or {@link NfProto#NFPROTO_IPV6}. */
    public int nfproto() {
        return nfproto;
    }

    /** The longest prefix, a single address: 32 or 128. */
    public int maxPrefixLength() {
        return addressBytes * 8;
    }

    /**
     * The family of {@code address} by its class. An IPv4-mapped IPv6 address stays IPv6 only as
     * an {@link Inet6Address}: {@code InetAddress.getByName("::ffff:1.2.3.4")} and
     * {@code InetAddress.getByAddress} turn it into an {@link Inet4Address}.
     */
    public static IpFamily of(InetAddress address) {
        return switch (address) {
            case Inet4Address _ -> IPV4;
            case Inet6Address _ -> IPV6;
            default -> throw new IllegalArgumentException(address + " is neither IPv4 nor IPv6");
        };
    }

    /** The family of a table of {@code nfproto}; empty for other families ({@code inet} among them). */
    public static Optional<IpFamily> ofNfproto(int nfproto) {
        for (IpFamily family : values()) {
            if (family.nfproto == nfproto) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    int addressBytes() {
        return addressBytes;
    }

    int sourceOffset() {
        return sourceOffset;
    }

    int destinationOffset() {
        return destinationOffset;
    }

    /**
     * Checks that {@code address} is of this family and says no more than nft can: no IPv6 scope
     * (nft has no notation for one, so it would be lost on the way to the kernel).
     */
    InetAddress require(InetAddress address, String role) {
        if (of(address) != this) {
            throw new IllegalArgumentException(role + " " + address.getHostAddress() + " is not an " + keyword + " address");
        }
        if (address instanceof Inet6Address v6 && (v6.getScopeId() != 0 || v6.getScopedInterface() != null)) {
            throw new IllegalArgumentException(role + " " + address.getHostAddress() + " has a scope, which nft cannot state");
        }
        return address;
    }

    /**
     * The address of this family held in {@code bytes} (network order, {@link #addressBytes()}
     * long). IPv6 goes through {@link Inet6Address#getByAddress(String, byte[], int)}, which keeps
     * an IPv4-mapped address IPv6.
     */
    InetAddress address(byte[] bytes) {
        if (bytes.length != addressBytes) {
            throw new IllegalArgumentException(bytes.length + " bytes are not an " + keyword + " address");
        }
        try {
            return this == IPV4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("the length was checked", e);
        }
    }
}
