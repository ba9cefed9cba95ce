package netlab.netlink.nftables;

import java.util.Optional;
import netlab.netlink.AttributeWriter;

/**
 * {@code counter}: counts the packets and bytes that reach it ({@code NFTA_COUNTER_*}, u64
 * big-endian). nft sends it empty; the kernel's dump reports both counts.
 */
public record CounterExpression(Optional<Long> bytes, Optional<Long> packets) implements Expression {
    public static final String NAME = "counter";
    public static final int NFTA_COUNTER_BYTES = 1;
    public static final int NFTA_COUNTER_PACKETS = 2;

    /** {@code counter} as nft adds it: starting from zero, no counts sent. */
    public static CounterExpression fresh() {
        return new CounterExpression(Optional.empty(), Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        bytes.ifPresent(value -> writer.u64Big(NFTA_COUNTER_BYTES, value));
        packets.ifPresent(value -> writer.u64Big(NFTA_COUNTER_PACKETS, value));
    }

    static CounterExpression decode(ExpressionBody body) {
        return new CounterExpression(body.optionalU64(NFTA_COUNTER_BYTES), body.optionalU64(NFTA_COUNTER_PACKETS));
    }
}
