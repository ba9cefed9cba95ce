package netlab.netlink;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Appends attributes to a buffer. Each value's byte order is in the method's name: {@code Host}
 * for rtnetlink values, {@code Big} for network order (nf_tables values, ports). Nested
 * attributes reserve their length field and patch it once the body is written, so no size is
 * ever computed in advance.
 */
public final class AttributeWriter {
    private final ByteBuf out;

    public AttributeWriter(ByteBuf out) {
        this.out = out;
    }

    public ByteBuf buffer() {
        return out;
    }

    public AttributeWriter u8(int typeWord, int value) {
        header(typeWord, 1);
        out.writeByte(value);
        return pad(1);
    }

    public AttributeWriter u16Host(int typeWord, int value) {
        header(typeWord, 2);
        HostOrder.writeShort(out, value);
        return pad(2);
    }

    public AttributeWriter u16Big(int typeWord, int value) {
        header(typeWord, 2);
        out.writeShort(value);
        return pad(2);
    }

    public AttributeWriter u32Host(int typeWord, int value) {
        header(typeWord, 4);
        HostOrder.writeInt(out, value);
        return this;
    }

    public AttributeWriter u32Big(int typeWord, int value) {
        header(typeWord, 4);
        out.writeInt(value);
        return this;
    }

    public AttributeWriter u64Host(int typeWord, long value) {
        header(typeWord, 8);
        HostOrder.writeLong(out, value);
        return this;
    }

    public AttributeWriter u64Big(int typeWord, long value) {
        header(typeWord, 8);
        out.writeLong(value);
        return this;
    }

    /** A NUL-terminated string, as the kernel expects for names (NLA_NUL_STRING / NLA_STRING). */
    public AttributeWriter string(int typeWord, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        header(typeWord, text.length + 1);
        out.writeBytes(text).writeByte(0);
        return pad(text.length + 1);
    }

    public AttributeWriter bytes(int typeWord, byte[] value) {
        header(typeWord, value.length);
        out.writeBytes(value);
        return pad(value.length);
    }

    /** An IPv4 or IPv6 address: 4 or 16 bytes in network byte order. */
    public AttributeWriter address(int typeWord, InetAddress value) {
        return bytes(typeWord, value.getAddress());
    }

    /** An attribute with no value, present or absent (NLA_FLAG). */
    public AttributeWriter flag(int typeWord) {
        header(typeWord, 0);
        return this;
    }

    /**
     * A nested attribute: {@code body} writes the inner attributes, then the length is patched.
     * {@code typeWord} carries NLA_F_NESTED when the family wants it (nf_tables always does;
     * rtnetlink's IFLA_LINKINFO does not).
     */
    public AttributeWriter nested(int typeWord, Consumer<AttributeWriter> body) {
        int start = out.writerIndex();
        header(typeWord, 0);
        body.accept(this);
        patchLength(start);
        return this;
    }

    /** Patches the length of the attribute that starts at {@code start} to end here. */
    public void patchLength(int start) {
        int length = out.writerIndex() - start;
        if (length > 0xffff) {
            throw new IllegalArgumentException("attribute of " + length + " bytes exceeds netlink's 65535");
        }
        HostOrder.setShort(out, start, length);
    }

    private void header(int typeWord, int valueLength) {
        int length = NlAttr.HEADER_SIZE + valueLength;
        if (length > 0xffff) {
            throw new IllegalArgumentException("attribute of " + length + " bytes exceeds netlink's 65535");
        }
        HostOrder.writeShort(out, length);
        HostOrder.writeShort(out, typeWord);
    }

    private AttributeWriter pad(int valueLength) {
        out.writeZero(NlAttr.align(valueLength) - valueLength);
        return this;
    }
}
