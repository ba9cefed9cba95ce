package netlab.netlink.nftables;

import io.netty.buffer.Unpooled;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.CodecException;
import netlab.netlink.DecodePath;

/**
 * One expression of a rule: an NFTA_LIST_ELEM holding NFTA_EXPR_NAME and NFTA_EXPR_DATA
 * ({@code <linux/netfilter/nf_tables.h>}). Each modelled kind is a record in its own file that
 * encodes and decodes its NFTA_EXPR_DATA; any other kind, or a modelled one whose data is not in
 * the modelled shape, is a {@link RawExpression} that keeps its name and data bytes.
 */
public sealed interface Expression permits MetaExpression, CmpExpression, PayloadExpression, BitwiseExpression,
        ImmediateExpression, NatExpression, MasqExpression, CounterExpression, NumgenExpression, ByteorderExpression,
        RawExpression {
    int NFTA_LIST_ELEM = 1;
    int NFTA_EXPR_NAME = 1;
    int NFTA_EXPR_DATA = 2;

    /** Registers are numbered by {@code enum nft_registers}; nft 1.0.6 still uses the 16-byte NFT_REG_1. */
    int NFT_REG_VERDICT = 0;
    int NFT_REG_1 = 1;
    int NFT_REG_2 = 2;

    AttributeNames NAMES = AttributeNames.of(null, "NFTA_EXPR_NAME", "NFTA_EXPR_DATA");

    /** The kernel's name of the expression type ({@code "cmp"}, {@code "payload"}, ...). */
    String name();

    /** Writes the attributes inside NFTA_EXPR_DATA; nests inside carry {@code nesting}'s flag. */
    void encodeData(AttributeWriter writer, Nesting nesting);

    /** Writes the whole NFTA_LIST_ELEM. */
    default void encode(AttributeWriter writer, Nesting nesting) {
        writer.nested(NFTA_LIST_ELEM | nesting.flag(), element -> {
            element.string(NFTA_EXPR_NAME, name());
            element.nested(NFTA_EXPR_DATA | nesting.flag(), data -> encodeData(data, nesting));
        });
    }

    /**
     * Decodes the current NFTA_LIST_ELEM of {@code list}. The element must be exactly a name and a
     * data nest (the caller's exactness check rejects anything else); the data becomes a typed
     * expression only when that encodes back to the same bytes.
     */
    static Expression decode(AttributeReader list, Nesting nesting) {
        if (list.type() != NFTA_LIST_ELEM) {
            throw list.path().fail("not an NFTA_LIST_ELEM");
        }
        AttributeReader element = list.nested(NAMES);
        String name = null;
        byte[] data = null;
        while (element.next()) {
            switch (element.type()) {
                case NFTA_EXPR_NAME -> name = element.string();
                case NFTA_EXPR_DATA -> data = element.bytes();
                default -> throw element.path().fail("unexpected attribute in an expression");
            }
        }
        if (name == null || data == null) {
            throw list.path().fail("expression without name or data");
        }
        Expression typed = typed(name, data, nesting, list.path().child(name));
        return typed != null ? typed : new RawExpression(name, data);
    }

    private static Expression typed(String name, byte[] data, Nesting nesting, DecodePath path) {
        Expression typed;
        try {
            ExpressionBody body = new ExpressionBody(data, path);
            typed = switch (name) {
                case MetaExpression.NAME -> MetaExpression.decode(body);
                case CmpExpression.NAME -> CmpExpression.decode(body);
                case PayloadExpression.NAME -> PayloadExpression.decode(body);
                case BitwiseExpression.NAME -> BitwiseExpression.decode(body);
                case ImmediateExpression.NAME -> ImmediateExpression.decode(body);
                case NatExpression.NAME -> NatExpression.decode(body);
                case MasqExpression.NAME -> MasqExpression.decode(body);
                case CounterExpression.NAME -> CounterExpression.decode(body);
                case NumgenExpression.NAME -> NumgenExpression.decode(body);
                case ByteorderExpression.NAME -> ByteorderExpression.decode(body);
                default -> null;
            };
        } catch (CodecException e) {
            return null;
        }
        if (typed == null) {
            return null;
        }
        Expression found = typed;
        return Exact.sameBytes(Unpooled.wrappedBuffer(data), writer -> found.encodeData(writer, nesting)) ? typed : null;
    }
}
