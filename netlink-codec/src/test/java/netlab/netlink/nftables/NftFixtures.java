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

/** Checks for the nft transaction fixtures: BATCH_BEGIN, the requests, BATCH_END in one datagram. */
public final class NftFixtures {
    private NftFixtures() {}

    /** {@code request}, wrapped in a transaction, encodes to the captured datagram (sequence numbers aside). */
    public static void assertTransactionEncodesTo(NlMessage request, String path) {
        assertTransactionEncodesTo(List.of(request), path);
    }

    /** {@code requests}, wrapped in one transaction, encode to the captured datagram (sequence numbers aside). */
    public static void assertTransactionEncodesTo(List<NlMessage> requests, String path) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encodeAll(NftBatch.transaction(0, requests), out);
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
        List<NlMessage> requests = decodeTransactionRequests(path);
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    /** As {@link #decodeTransaction}, for a transaction of any number of requests: all of them, in order. */
    public static List<NlMessage> decodeTransactionRequests(String path) {
        Fixture fixture = Fixture.load(path);
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), NftablesDecoder.INSTANCE);

        assertThat(messages).hasSizeGreaterThan(2);
        assertThat(messages.getFirst().type()).isEqualTo(NftTypes.NFNL_MSG_BATCH_BEGIN);
        assertThat(messages.getLast().type()).isEqualTo(NftTypes.NFNL_MSG_BATCH_END);
        assertThat(messages.getFirst().payload()).isEqualTo(BatchMessage.nftables());
        assertThat(messages.getLast().payload()).isEqualTo(BatchMessage.nftables());
        FixtureAssert.assertRoundTrips(messages, fixture);
        return messages.subList(1, messages.size() - 1);
    }
}
