package netlab.netlink.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.PayloadDecoder;

/** Encode, decode, encode again: the bytes must not change and the decoded value must equal the original. */
public final class RoundTrip {
    private RoundTrip() {}

    public static void assertSurvives(NlMessage message, PayloadDecoder family) {
        ByteBuf first = Unpooled.buffer();
        NetlinkCodec.encode(message, first);
        byte[] firstBytes = ByteBufUtil.getBytes(first);
        List<NlMessage> decoded = NetlinkCodec.decode(Unpooled.wrappedBuffer(firstBytes), family);
        assertThat(decoded).hasSize(1);
        assertThat(decoded.getFirst().payload()).isEqualTo(message.payload());
        ByteBuf second = Unpooled.buffer();
        NetlinkCodec.encode(decoded.getFirst(), second);
        assertThat(ByteBufUtil.hexDump(second)).isEqualTo(ByteBufUtil.hexDump(firstBytes));
    }
}
