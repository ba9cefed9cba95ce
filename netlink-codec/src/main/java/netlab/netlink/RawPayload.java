package netlab.netlink;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/** A payload the codec does not model (a message type it does not know), kept byte for byte. */
public record RawPayload(byte[] bytes) implements NlPayload {
    public RawPayload {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeBytes(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawPayload raw && Arrays.equals(raw.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawPayload[" + ByteBufUtil.hexDump(bytes) + "]";
    }
}
