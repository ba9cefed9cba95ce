package netlab.netlink.nftables;

import netlab.netlink.AttributeWriter;

/**
 * {@code byteorder}: converts a register between host and network order ({@code NFTA_BYTEORDER_*},
 * {@code enum nft_byteorder_ops}), e.g. a {@link NumgenExpression}'s host-order number before a
 * {@code cmp} with a big-endian constant.
 *
 * @param source register read (NFTA_BYTEORDER_SREG)
 * @param destination register written (NFTA_BYTEORDER_DREG)
 * @param op {@link #NFT_BYTEORDER_NTOH} or {@link #NFT_BYTEORDER_HTON}
 * @param length bytes converted
 * @param size bytes per value: 2, 4 or 8
 */
public record ByteorderExpression(int source, int destination, int op, int length, int size) implements Expression {
    public static final String NAME = "byteorder";
    public static final int NFTA_BYTEORDER_SREG = 1;
    public static final int NFTA_BYTEORDER_DREG = 2;
    public static final int NFTA_BYTEORDER_OP = 3;
    public static final int NFTA_BYTEORDER_LEN = 4;
    public static final int NFTA_BYTEORDER_SIZE = 5;

    public static final int NFT_BYTEORDER_NTOH = 0;
    public static final int NFT_BYTEORDER_HTON = 1;

    /** {@code byteorder reg R = hton(reg R, SIZE, SIZE)}: one value turned to network order in place. */
    public static ByteorderExpression hostToNetwork(int register, int size) {
        return new ByteorderExpression(register, register, NFT_BYTEORDER_HTON, size, size);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.u32Big(NFTA_BYTEORDER_SREG, source);
        writer.u32Big(NFTA_BYTEORDER_DREG, destination);
        writer.u32Big(NFTA_BYTEORDER_OP, op);
        writer.u32Big(NFTA_BYTEORDER_LEN, length);
        writer.u32Big(NFTA_BYTEORDER_SIZE, size);
    }

    static ByteorderExpression decode(ExpressionBody body) {
        return new ByteorderExpression(body.u32(NFTA_BYTEORDER_SREG), body.u32(NFTA_BYTEORDER_DREG),
                body.u32(NFTA_BYTEORDER_OP), body.u32(NFTA_BYTEORDER_LEN), body.u32(NFTA_BYTEORDER_SIZE));
    }
}
