package netlab.netlink.nftables;

import netlab.netlink.NlAttr;

/**
 * Whether a nest and the nests inside it carry NLA_F_NESTED. nft (libnftnl) sets the flag on
 * every nest it sends; the kernel sets it on none in its replies (nf_tables_api.c builds them
 * with {@code nla_nest_start_noflag}). A decoded nest remembers which it was, so it encodes back
 * to the same bytes.
 */
public enum Nesting {
    /** NLA_F_NESTED set, as in nft's requests. */
    FLAGGED(NlAttr.NLA_F_NESTED),
    /** No flag, as in the kernel's dumps. */
    PLAIN(0);

    private final int flag;

    Nesting(int flag) {
        this.flag = flag;
    }

    /** The flag bits to OR into a nest's type. */
    public int flag() {
        return flag;
    }

    /** The nesting a nest's type word shows. */
    public static Nesting of(int typeWord) {
        return (typeWord & NlAttr.NLA_F_NESTED) != 0 ? FLAGGED : PLAIN;
    }
}
