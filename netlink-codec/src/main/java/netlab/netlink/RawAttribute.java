package netlab.netlink;

import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * An attribute the codec does not model (or whose value is not in the shape it models), kept
 * with its exact type word (flags included) and value bytes so that decode then encode gives the
 * same bytes. The {@code Other} case of every attribute family wraps one of these.
 */
public record RawAttribute(int typeWord, byte[] value) {
    public RawAttribute {
        value = value.clone();
    }

    public int type() {
        return NlAttr.type(typeWord);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public void encode(AttributeWriter writer) {
        writer.bytes(typeWord, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawAttribute raw && raw.typeWord == typeWord && Arrays.equals(raw.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * typeWord + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawAttribute[type=" + type() + (typeWord != type() ? String.format(" flags=0x%04x", typeWord & ~0x3fff) : "")
                + " value=" + ByteBufUtil.hexDump(value) + "]";
    }
}
