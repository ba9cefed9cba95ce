package netlab.netlink.nftables;

import netlab.netlink.AttributeWriter;

/**
 * {@code cmp}: compares a register with data and ends the rule when the comparison fails
 * ({@code NFTA_CMP_*}, {@code enum nft_cmp_ops}).
 *
 * @param source register compared (NFTA_CMP_SREG)
 * @param op NFT_CMP_* operator
 * @param data the value compared with, as many bytes as the register holds
 */
public record CmpExpression(int source, int op, NftData data) implements Expression {
    public static final String NAME = "cmp";
    public static final int NFTA_CMP_SREG = 1;
    public static final int NFTA_CMP_OP = 2;
    public static final int NFTA_CMP_DATA = 3;

    public static final int NFT_CMP_EQ = 0;
    public static final int NFT_CMP_NEQ = 1;
    public static final int NFT_CMP_LT = 2;
    public static final int NFT_CMP_LTE = 3;
    public static final int NFT_CMP_GT = 4;
    public static final int NFT_CMP_GTE = 5;

    /** {@code cmp eq|neq reg REGISTER BYTES}. */
    public static CmpExpression of(int register, int op, byte[] value) {
        return new CmpExpression(register, op, new NftData.Value(value));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.u32Big(NFTA_CMP_SREG, source);
        writer.u32Big(NFTA_CMP_OP, op);
        data.encode(writer, NFTA_CMP_DATA, nesting);
    }

    static CmpExpression decode(ExpressionBody body) {
        return new CmpExpression(body.u32(NFTA_CMP_SREG), body.u32(NFTA_CMP_OP), body.data(NFTA_CMP_DATA));
    }
}
