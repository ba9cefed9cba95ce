package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.CodecException;

/**
 * The guard of the codec's round-trip rule for nests: a nest (a chain hook, a rule's expressions)
 * is decoded leniently, then kept typed only if encoding the typed value gives exactly the bytes
 * that were read. Order, duplicates, flags, padding and unmodelled attributes need no case of
 * their own: any difference leaves the attribute raw.
 */
final class Exact {
    private Exact() {}

    /**
     * The value {@code decode} makes of the current attribute of {@code reader} when
     * {@code encode} writes it back byte for byte; null when decoding fails or the bytes differ.
     */
    static <T> T typedOrNull(AttributeReader reader, Supplier<T> decode, BiConsumer<T, AttributeWriter> encode) {
        T typed;
        try {
            typed = decode.get();
        } catch (CodecException e) {
            return null;
        }
        ByteBuf original = Unpooled.buffer();
        reader.raw().encode(new AttributeWriter(original));
        return sameBytes(original, writer -> encode.accept(typed, writer)) ? typed : null;
    }

    /** True when {@code encode} writes exactly the bytes of {@code expected}. */
    static boolean sameBytes(ByteBuf expected, Consumer<AttributeWriter> encode) {
        ByteBuf again = Unpooled.buffer();
        encode.accept(new AttributeWriter(again));
        return ByteBufUtil.equals(expected, again);
    }
}
