package netlab.netlink;

import io.netty.buffer.ByteBuf;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the attributes between two offsets of a buffer, one at a time, never reading past its
 * bounds: every length is checked before it is used, and a violation is a {@link CodecException}
 * naming the path to the fault. The buffer's indices are never moved.
 *
 * <pre>{@code
 * AttributeReader attributes = new AttributeReader(buffer, from, to, path, LinkAttributes.NAMES);
 * while (attributes.next()) {
 *     switch (attributes.type()) { case IFLA_MTU -> mtu = attributes.u32Host(); ... }
 * }
 * }</pre>
 */
public final class AttributeReader {
    private final ByteBuf buffer;
    private final int end;
    private final DecodePath path;
    private final AttributeNames names;
    private int next;
    private int typeWord = -1;
    private int valueStart;
    private int valueLength;

    public AttributeReader(ByteBuf buffer, int from, int to, DecodePath path, AttributeNames names) {
        if (from < 0 || to > buffer.writerIndex() || from > to) {
            throw path.fail("attribute area " + from + ".." + to + " is outside the message");
        }
        this.buffer = buffer;
        this.next = from;
        this.end = to;
        this.path = path;
        this.names = names;
    }

    /** Moves to the next attribute; false when none is left. */
    public boolean next() {
        int remaining = end - next;
        if (remaining == 0) {
            typeWord = -1;
            return false;
        }
        if (remaining < NlAttr.HEADER_SIZE) {
            throw path.fail(remaining + " trailing bytes, too few for an attribute header");
        }
        int length = HostOrder.getUnsignedShort(buffer, next);
        int word = HostOrder.getUnsignedShort(buffer, next + 2);
        DecodePath here = path.child(names.name(NlAttr.type(word)));
        if (length < NlAttr.HEADER_SIZE) {
            throw here.fail("attribute length " + length + " is shorter than its header");
        }
        if (length > remaining) {
            throw here.fail("attribute length " + length + " exceeds remaining " + remaining);
        }
        typeWord = word;
        valueStart = next + NlAttr.HEADER_SIZE;
        valueLength = length - NlAttr.HEADER_SIZE;
        // The last attribute's padding may be left out of the enclosing length.
        next = Math.min(end, next + NlAttr.align(length));
        return true;
    }

    private void requireCurrent() {
        if (typeWord < 0) {
            throw new IllegalStateException("next() has not returned true");
        }
    }

    /** The type without flag bits. */
    public int type() {
        requireCurrent();
        return NlAttr.type(typeWord);
    }

    /** The type with its NLA_F_NESTED / NLA_F_NET_BYTEORDER bits. */
    public int typeWord() {
        requireCurrent();
        return typeWord;
    }

    public boolean hasFlag(int flag) {
        return (typeWord() & flag) != 0;
    }

    public int length() {
        requireCurrent();
        return valueLength;
    }

    /** The path of the current attribute, for errors raised by the caller. */
    public DecodePath path() {
        return path.child(names.name(type()));
    }

    private void requireLength(int expected) {
        if (length() != expected) {
            throw path().fail("value length " + length() + ", expected " + expected);
        }
    }

    public int u8() {
        requireLength(1);
        return buffer.getUnsignedByte(valueStart);
    }

    public int u16Host() {
        requireLength(2);
        return HostOrder.getUnsignedShort(buffer, valueStart);
    }

    /** A 16-bit value in network byte order (ports, nf_tables values). */
    public int u16Big() {
        requireLength(2);
        return buffer.getUnsignedShort(valueStart);
    }

    public int u32Host() {
        requireLength(4);
        return HostOrder.getInt(buffer, valueStart);
    }

    /** A 32-bit value in network byte order (nf_tables values). */
    public int u32Big() {
        requireLength(4);
        return buffer.getInt(valueStart);
    }

    public long u64Host() {
        requireLength(8);
        return HostOrder.getLong(buffer, valueStart);
    }

    public long u64Big() {
        requireLength(8);
        return buffer.getLong(valueStart);
    }

    /** The value's bytes, copied. */
    public byte[] bytes() {
        byte[] copy = new byte[length()];
        buffer.getBytes(valueStart, copy);
        return copy;
    }

    /**
     * A NUL-terminated string whose value is exactly the text and one NUL, the only form that
     * encodes back to the same bytes. Use {@link #isCanonicalString} first to keep other forms raw.
     */
    public String string() {
        if (!isCanonicalString()) {
            throw path().fail("not a NUL-terminated string");
        }
        return buffer.toString(valueStart, length() - 1, StandardCharsets.UTF_8);
    }

    public boolean isCanonicalString() {
        int length = length();
        if (length == 0 || buffer.getByte(valueStart + length - 1) != 0) {
            return false;
        }
        if (buffer.indexOf(valueStart, valueStart + length - 1, (byte) 0) >= 0) {
            return false;
        }
        // Invalid UTF-8 would not survive a String round trip.
        byte[] text = new byte[length - 1];
        buffer.getBytes(valueStart, text);
        return Arrays.equals(new String(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), text);
    }

    /** True when the value has the length of an IPv4 or IPv6 address. */
    public boolean isInetAddress() {
        return length() == 4 || length() == 16;
    }

    /** An IPv4 (4 bytes) or IPv6 (16 bytes) address, in network byte order as always. */
    public InetAddress inetAddress() {
        if (!isInetAddress()) {
            throw path().fail("value length " + length() + " is not an IPv4 or IPv6 address");
        }
        try {
            // Inet6Address directly: InetAddress.getByAddress would turn ::ffff:a.b.c.d into IPv4.
            return length() == 4 ? InetAddress.getByAddress(bytes()) : Inet6Address.getByAddress(null, bytes(), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("length was checked", e);
        }
    }

    /** A reader over the current attribute's value, for nested attributes. */
    public AttributeReader nested(AttributeNames nestedNames) {
        return new AttributeReader(buffer, valueStart, valueStart + length(), path(), nestedNames);
    }

    /** The current value as a slice (shares the buffer; read it before the buffer is released). */
    public ByteBuf valueSlice() {
        return buffer.slice(valueStart, length());
    }

    public int valueOffset() {
        requireCurrent();
        return valueStart;
    }

    public RawAttribute raw() {
        return new RawAttribute(typeWord(), bytes());
    }
}
