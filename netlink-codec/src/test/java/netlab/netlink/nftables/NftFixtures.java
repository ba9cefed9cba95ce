package netlab.netlink.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.FixtureAssert;

/** Checks for the nft transaction fixtures: BATCH_BEGIN, one request, BATCH_END in one datagram. */
public final class NftFixtures {
    private NftFixtures() {}

    /** {@code request}, wrapped in a transaction, encodes to the captured datagram (sequence numbers aside). */
    public static void assertTransactionEncodesTo(NlMessage request, String path) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encodeAll(NftBatch.transaction(0, List.of(request)), out);
        String mismatch = Fixture.load(path).mismatch(out);
        if (mismatch != null) {
            fail(mismatch);
        }
    }

    /**
     * Decodes the captured datagram, checks the batch markers and that decode then encode gives
     * its bytes exactly, and returns the request between the markers.
     */
    public static NlMessage decodeTransaction(String path) {
        Fixture fixture = Fixture.load(path);
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), NftablesDecoder.INSTANCE);

        assertThat(messages).hasSize(3);
        assertThat(messages.getFirst().type()).isEqualTo(NftTypes.NFNL_MSG_BATCH_BEGIN);
        assertThat(messages.getLast().type()).isEqualTo(NftTypes.NFNL_MSG_BATCH_END);
        assertThat(messages.getFirst().payload()).isEqualTo(BatchMessage.nftables());
        assertThat(messages.getLast().payload()).isEqualTo(BatchMessage.nftables());
        FixtureAssert.assertRoundTrips(messages, fixture);
        return messages.get(1);
    }
}
