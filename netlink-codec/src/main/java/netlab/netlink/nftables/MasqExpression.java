package netlab.netlink.nftables;

import java.util.Optional;
import netlab.netlink.AttributeWriter;

/**
 * {@code masq}: source NAT to the address of the outgoing interface ({@code NFTA_MASQ_*}; flags
 * are NF_NAT_RANGE_* bits). A plain {@code masquerade} has an empty NFTA_EXPR_DATA.
 *
 * @param flags NF_NAT_RANGE_* bits, e.g. {@link NatExpression#NF_NAT_RANGE_PROTO_RANDOM}
 * @param protoMin register holding the lowest port (NFTA_MASQ_REG_PROTO_MIN)
 * @param protoMax register holding the highest port
 */
public record MasqExpression(Optional<Integer> flags, Optional<Integer> protoMin, Optional<Integer> protoMax) implements Expression {
    public static final String NAME = "masq";
    public static final int NFTA_MASQ_FLAGS = 1;
    public static final int NFTA_MASQ_REG_PROTO_MIN = 2;
    public static final int NFTA_MASQ_REG_PROTO_MAX = 3;

    /** {@code masquerade} without options. */
    public static MasqExpression plain() {
        return new MasqExpression(Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        flags.ifPresent(value -> writer.u32Big(NFTA_MASQ_FLAGS, value));
        protoMin.ifPresent(register -> writer.u32Big(NFTA_MASQ_REG_PROTO_MIN, register));
        protoMax.ifPresent(register -> writer.u32Big(NFTA_MASQ_REG_PROTO_MAX, register));
    }

    static MasqExpression decode(ExpressionBody body) {
        return new MasqExpression(body.optionalU32(NFTA_MASQ_FLAGS), body.optionalU32(NFTA_MASQ_REG_PROTO_MIN),
                body.optionalU32(NFTA_MASQ_REG_PROTO_MAX));
    }
}
