package netlab.netlink;

/**
 * Layout of {@code struct nlattr} ({@code <linux/netlink.h>}): a 2-byte length (header
 * included, padding excluded), a 2-byte type whose top two bits are flags, then the value padded
 * to 4 bytes (NLA_ALIGN).
 */
public final class NlAttr {
    public static final int HEADER_SIZE = 4;
    /** The value holds attributes. Set by nf_tables and some rtnetlink nests, not by all. */
    public static final int NLA_F_NESTED = 1 << 15;
    /** The value is in network (big-endian) byte order. */
    public static final int NLA_F_NET_BYTEORDER = 1 << 14;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    private NlAttr() {}

    public static int align(int length) {
        return (length + 3) & ~3;
    }

    /** The attribute type without its flag bits. */
    public static int type(int typeWord) {
        return typeWord & NLA_TYPE_MASK;
    }
}
