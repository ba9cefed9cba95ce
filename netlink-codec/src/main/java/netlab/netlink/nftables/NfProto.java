package netlab.netlink.nftables;

/**
 * The families of nf_tables objects ({@code NFPROTO_*} in {@code <linux/netfilter.h>}), as the
 * {@code nfgen_family} of a message and the family of a nat expression.
 */
public final class NfProto {
    public static final int NFPROTO_UNSPEC = 0;
    /** {@code inet}: one table for IPv4 and IPv6. */
    public static final int NFPROTO_INET = 1;
    /** {@code ip}. */
    public static final int NFPROTO_IPV4 = 2;
    public static final int NFPROTO_ARP = 3;
    /** {@code netdev}: chains on one device's ingress or egress (netlab's loss chains). */
    public static final int NFPROTO_NETDEV = 5;
    public static final int NFPROTO_BRIDGE = 7;
    /** {@code ip6}. */
    public static final int NFPROTO_IPV6 = 10;

    private NfProto() {}

    /** The family as nft spells it ({@code ip}, {@code inet}, ...). */
    public static String name(int family) {
        return switch (family) {
            case NFPROTO_INET -> "inet";
            case NFPROTO_IPV4 -> "ip";
            case NFPROTO_ARP -> "arp";
            case NFPROTO_NETDEV -> "netdev";
            case NFPROTO_BRIDGE -> "bridge";
            case NFPROTO_IPV6 -> "ip6";
            default -> "family " + family;
        };
    }

    /** The family nft spells {@code name} ({@code ip}, {@code ip6}, {@code inet}, {@code netdev}). */
    public static int of(String name) {
        return switch (name) {
            case "inet" -> NFPROTO_INET;
            case "ip" -> NFPROTO_IPV4;
            case "arp" -> NFPROTO_ARP;
            case "netdev" -> NFPROTO_NETDEV;
            case "bridge" -> NFPROTO_BRIDGE;
            case "ip6" -> NFPROTO_IPV6;
            default -> throw new IllegalArgumentException("no nf_tables family is called " + name);
        };
    }
}
