package netlab.netlink.nftables;

import netlab.netlink.AttributeWriter;

/**
 * {@code immediate}: loads a constant into a register, e.g. the address a nat expression maps
 * to, or a verdict into the verdict register ({@code NFTA_IMMEDIATE_*}).
 *
 * @param destination register loaded (NFTA_IMMEDIATE_DREG); {@link Expression#NFT_REG_VERDICT} for a verdict
 * @param data the value or verdict
 */
public record ImmediateExpression(int destination, NftData data) implements Expression {
    public static final String NAME = "immediate";
    public static final int NFTA_IMMEDIATE_DREG = 1;
    public static final int NFTA_IMMEDIATE_DATA = 2;

    /** {@code immediate reg 0 VERDICT}, e.g. {@code accept}. */
    public static ImmediateExpression verdict(int code) {
        return new ImmediateExpression(NFT_REG_VERDICT, NftData.Verdict.of(code));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.u32Big(NFTA_IMMEDIATE_DREG, destination);
        data.encode(writer, NFTA_IMMEDIATE_DATA, nesting);
    }

    static ImmediateExpression decode(ExpressionBody body) {
        return new ImmediateExpression(body.u32(NFTA_IMMEDIATE_DREG), body.data(NFTA_IMMEDIATE_DATA));
    }
}
