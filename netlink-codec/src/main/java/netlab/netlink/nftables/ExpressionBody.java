package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.DecodePath;
import netlab.netlink.RawAttribute;

/**
 * The attributes of one NFTA_EXPR_DATA, looked up by type, for the lenient decoding of an
 * expression. Whatever this lets through (order, duplicates, extra attributes) is caught
 * afterwards: {@link Expression#decode} keeps a typed expression only when it encodes back to
 * the same bytes. Missing or mis-sized values raise {@link netlab.netlink.CodecException}.
 */
final class ExpressionBody {
    private final Map<Integer, RawAttribute> byType = new HashMap<>();
    private final DecodePath path;

    ExpressionBody(byte[] data, DecodePath path) {
        this.path = path;
        ByteBuf buffer = Unpooled.wrappedBuffer(data);
        AttributeReader reader = new AttributeReader(buffer, 0, data.length, path, AttributeNames.of());
        while (reader.next()) {
            byType.putIfAbsent(reader.type(), reader.raw());
        }
    }

    /** A required big-endian u32 (registers, keys, operators: all {@code NLA_U32} in network order). */
    int u32(int type) {
        return optionalU32(type).orElseThrow(() -> path.fail("attribute " + type + " missing"));
    }

    Optional<Integer> optionalU32(int type) {
        RawAttribute raw = byType.get(type);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(Unpooled.wrappedBuffer(sized(raw, 4)).getInt(0));
    }

    Optional<Long> optionalU64(int type) {
        RawAttribute raw = byType.get(type);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(Unpooled.wrappedBuffer(sized(raw, 8)).getLong(0));
    }

    /** A required {@code NFTA_DATA_*} nest. */
    NftData data(int type) {
        RawAttribute raw = byType.get(type);
        if (raw == null) {
            throw path.fail("attribute " + type + " missing");
        }
        return NftData.decode(raw.value(), path.child("attribute " + type));
    }

    private byte[] sized(RawAttribute raw, int size) {
        byte[] value = raw.value();
        if (value.length != size) {
            throw path.fail("attribute " + raw.type() + " has " + value.length + " bytes, expected " + size);
        }
        return value;
    }
}
