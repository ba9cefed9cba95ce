package netlab.netlink.nftables;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The dump of every chain, against what {@code nft list chains} sent. */
class ChainDumpRequestTest {
    private final Fixture fixture = Fixture.load("nftables/chain-dump-all.txt");

    @Test
    void encodesAsNftListChains() {
        assertEncodesTo(NftRequests.dumpChains(NfProto.NFPROTO_UNSPEC), fixture);
    }

    @Test
    void nftsRequestDecodesToTheDump() {
        NlMessage decoded = NetlinkCodec.decodeOne(fixture.buffer(), NftablesDecoder.INSTANCE);

        NlMessage expected = NftRequests.dumpChains(NfProto.NFPROTO_UNSPEC);
        assertThat(decoded.type()).isEqualTo(expected.type());
        assertThat(decoded.flags()).isEqualTo(expected.flags());
        assertThat(decoded.payload()).isEqualTo(expected.payload());
        assertRoundTrips(List.of(decoded), fixture);
    }
}
