package netlab.netlink.testing;

import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;

/** Golden-byte checks: an encoding must equal a captured fixture on every unmasked byte. */
public final class FixtureAssert {
    private FixtureAssert() {}

    public static void assertEncodesTo(NlMessage message, Fixture fixture) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encode(message, out);
        String mismatch = fixture.mismatch(out);
        if (mismatch != null) {
            fail(mismatch);
        }
    }

    /** Decode then encode gives the fixture's bytes exactly, masked bytes included. */
    public static void assertRoundTrips(java.util.List<NlMessage> decoded, Fixture fixture) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encodeAll(decoded, out);
        byte[] again = io.netty.buffer.ByteBufUtil.getBytes(out);
        if (!java.util.Arrays.equals(again, fixture.bytes())) {
            fail(fixture.mismatch(out) == null ? "masked bytes differ after a round trip" : fixture.mismatch(out));
        }
    }
}
