package netlab.netlink.nftables;

import netlab.netlink.AttributeWriter;

/**
 * {@code payload}: loads bytes of a packet header into a register ({@code NFTA_PAYLOAD_*},
 * {@code enum nft_payload_bases}). A payload write (SREG and checksum attributes) is not
 * modelled and stays a {@link RawExpression}.
 *
 * @param destination register loaded (NFTA_PAYLOAD_DREG)
 * @param base NFT_PAYLOAD_* header the offset counts from
 * @param offset byte offset in that header (12 is the IPv4 source address, 16 the destination)
 * @param length bytes loaded
 */
public record PayloadExpression(int destination, int base, int offset, int length) implements Expression {
    public static final String NAME = "payload";
    public static final int NFTA_PAYLOAD_DREG = 1;
    public static final int NFTA_PAYLOAD_BASE = 2;
    public static final int NFTA_PAYLOAD_OFFSET = 3;
    public static final int NFTA_PAYLOAD_LEN = 4;

    public static final int NFT_PAYLOAD_LL_HEADER = 0;
    public static final int NFT_PAYLOAD_NETWORK_HEADER = 1;
    public static final int NFT_PAYLOAD_TRANSPORT_HEADER = 2;
    public static final int NFT_PAYLOAD_INNER_HEADER = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.u32Big(NFTA_PAYLOAD_DREG, destination);
        writer.u32Big(NFTA_PAYLOAD_BASE, base);
        writer.u32Big(NFTA_PAYLOAD_OFFSET, offset);
        writer.u32Big(NFTA_PAYLOAD_LEN, length);
    }

    static PayloadExpression decode(ExpressionBody body) {
        return new PayloadExpression(body.u32(NFTA_PAYLOAD_DREG), body.u32(NFTA_PAYLOAD_BASE),
                body.u32(NFTA_PAYLOAD_OFFSET), body.u32(NFTA_PAYLOAD_LEN));
    }
}
