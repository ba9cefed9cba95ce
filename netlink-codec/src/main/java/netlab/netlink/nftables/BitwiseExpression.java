package netlab.netlink.nftables;

import java.util.Optional;
import netlab.netlink.AttributeWriter;

/**
 * {@code bitwise}: {@code dreg = (sreg & mask) ^ xor} ({@code NFTA_BITWISE_*}); nft uses it for
 * a prefix that does not end on a byte boundary. The shift operations (NFTA_BITWISE_DATA
 * instead of a mask) are not modelled and stay a {@link RawExpression}.
 *
 * @param source register read (NFTA_BITWISE_SREG)
 * @param destination register written (NFTA_BITWISE_DREG)
 * @param length bytes operated on
 * @param op NFTA_BITWISE_OP: absent in nft 1.0.6's requests, {@link #NFT_BITWISE_BOOL} in the kernel's dumps
 * @param mask the AND operand
 * @param xor the XOR operand
 */
public record BitwiseExpression(int source, int destination, int length, Optional<Integer> op, NftData mask, NftData xor)
        implements Expression {
    public static final String NAME = "bitwise";
    public static final int NFTA_BITWISE_SREG = 1;
    public static final int NFTA_BITWISE_DREG = 2;
    public static final int NFTA_BITWISE_LEN = 3;
    public static final int NFTA_BITWISE_MASK = 4;
    public static final int NFTA_BITWISE_XOR = 5;
    public static final int NFTA_BITWISE_OP = 6;

    /** The mask-and-xor operation (called NFT_BITWISE_MASK_XOR in newer headers). */
    public static final int NFT_BITWISE_BOOL = 0;

    /** {@code bitwise reg REGISTER = (reg REGISTER & MASK) ^ 0}, as nft writes a prefix mask. */
    public static BitwiseExpression mask(int register, byte[] mask) {
        return new BitwiseExpression(register, register, mask.length, Optional.empty(), new NftData.Value(mask),
                new NftData.Value(new byte[mask.length]));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        // The kernel's order (nft_bitwise_dump): registers, length, operation, operands.
        writer.u32Big(NFTA_BITWISE_SREG, source);
        writer.u32Big(NFTA_BITWISE_DREG, destination);
        writer.u32Big(NFTA_BITWISE_LEN, length);
        op.ifPresent(value -> writer.u32Big(NFTA_BITWISE_OP, value));
        mask.encode(writer, NFTA_BITWISE_MASK, nesting);
        xor.encode(writer, NFTA_BITWISE_XOR, nesting);
    }

    static BitwiseExpression decode(ExpressionBody body) {
        return new BitwiseExpression(body.u32(NFTA_BITWISE_SREG), body.u32(NFTA_BITWISE_DREG),
                body.u32(NFTA_BITWISE_LEN), body.optionalU32(NFTA_BITWISE_OP), body.data(NFTA_BITWISE_MASK),
                body.data(NFTA_BITWISE_XOR));
    }
}
