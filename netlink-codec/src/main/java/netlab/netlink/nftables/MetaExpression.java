package netlab.netlink.nftables;

import java.util.Optional;
import netlab.netlink.AttributeWriter;

/**
 * {@code meta}: loads packet metadata (the output interface's name, the family, ...) into a
 * register, or sets it from one ({@code NFTA_META_*}, {@code enum nft_meta_keys}).
 *
 * @param key NFT_META_* key
 * @param destination register loaded (NFTA_META_DREG), for a load
 * @param source register read (NFTA_META_SREG), for a set
 */
public record MetaExpression(int key, Optional<Integer> destination, Optional<Integer> source) implements Expression {
    public static final String NAME = "meta";
    public static final int NFTA_META_DREG = 1;
    public static final int NFTA_META_KEY = 2;
    public static final int NFTA_META_SREG = 3;

    public static final int NFT_META_MARK = 3;
    public static final int NFT_META_IIFNAME = 6;
    public static final int NFT_META_OIFNAME = 7;
    public static final int NFT_META_NFPROTO = 15;
    public static final int NFT_META_L4PROTO = 16;

    /** {@code meta load KEY => reg REGISTER}. */
    public static MetaExpression load(int key, int register) {
        return new MetaExpression(key, Optional.of(register), Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        // libnftnl's order, which the kernel's dump keeps: the key first.
        writer.u32Big(NFTA_META_KEY, key);
        destination.ifPresent(register -> writer.u32Big(NFTA_META_DREG, register));
        source.ifPresent(register -> writer.u32Big(NFTA_META_SREG, register));
    }

    static MetaExpression decode(ExpressionBody body) {
        return new MetaExpression(body.u32(NFTA_META_KEY), body.optionalU32(NFTA_META_DREG),
                body.optionalU32(NFTA_META_SREG));
    }
}
