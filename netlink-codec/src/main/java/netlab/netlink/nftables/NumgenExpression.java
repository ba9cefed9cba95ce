package netlab.netlink.nftables;

import netlab.netlink.AttributeWriter;

/**
 * {@code numgen}: loads a generated number into a register, {@code offset} plus a value in
 * {@code 0 .. modulus - 1}, counting up or random ({@code NFTA_NG_*}, {@code enum nft_ng_types}).
 * The number is a u32 in host order, so nft puts a {@link ByteorderExpression} after it before
 * a {@code cmp} compares it with a big-endian constant.
 *
 * @param destination register loaded (NFTA_NG_DREG)
 * @param modulus the count of values (NFTA_NG_MODULUS)
 * @param type {@link #NFT_NG_INCREMENTAL} or {@link #NFT_NG_RANDOM}
 * @param offset added to the value (NFTA_NG_OFFSET); nft sends it even when 0
 */
public record NumgenExpression(int destination, int modulus, int type, int offset) implements Expression {
    public static final String NAME = "numgen";
    public static final int NFTA_NG_DREG = 1;
    public static final int NFTA_NG_MODULUS = 2;
    public static final int NFTA_NG_TYPE = 3;
    public static final int NFTA_NG_OFFSET = 4;

    public static final int NFT_NG_INCREMENTAL = 0;
    public static final int NFT_NG_RANDOM = 1;

    /** {@code numgen random mod MODULUS} into {@code register}, as nft sends it (offset 0). */
    public static NumgenExpression random(int register, int modulus) {
        return new NumgenExpression(register, modulus, NFT_NG_RANDOM, 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.u32Big(NFTA_NG_DREG, destination);
        writer.u32Big(NFTA_NG_MODULUS, modulus);
        writer.u32Big(NFTA_NG_TYPE, type);
        writer.u32Big(NFTA_NG_OFFSET, offset);
    }

    static NumgenExpression decode(ExpressionBody body) {
        return new NumgenExpression(body.u32(NFTA_NG_DREG), body.u32(NFTA_NG_MODULUS), body.u32(NFTA_NG_TYPE),
                body.u32(NFTA_NG_OFFSET));
    }
}
