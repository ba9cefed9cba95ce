package netlab.netlink.nftables;

import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import netlab.netlink.AttributeWriter;

/**
 * An expression the codec does not model (or a modelled one in another shape, such as a payload
 * write): its name and the exact bytes inside its NFTA_EXPR_DATA.
 */
public record RawExpression(String name, byte[] data) implements Expression {
    public RawExpression {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.buffer().writeBytes(data);
    }

    /**
     * Writes the data as the value of NFTA_EXPR_DATA, so that data of any length keeps the nest's
     * length exact and the padding outside it, as it arrived.
     */
    @Override
    public void encode(AttributeWriter writer, Nesting nesting) {
        writer.nested(NFTA_LIST_ELEM | nesting.flag(), element -> {
            element.string(NFTA_EXPR_NAME, name);
            element.bytes(NFTA_EXPR_DATA | nesting.flag(), data);
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawExpression raw && raw.name.equals(name) && Arrays.equals(raw.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawExpression[name=" + name + " data=" + ByteBufUtil.hexDump(data) + "]";
    }
}
