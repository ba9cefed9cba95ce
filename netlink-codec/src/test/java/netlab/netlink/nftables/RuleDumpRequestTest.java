package netlab.netlink.nftables;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The rule dump of one table, against what {@code nft list table ip netlab-lan} sent. */
class RuleDumpRequestTest {
    private final Fixture fixture = Fixture.load("nftables/rule-dump-table-ip.txt");

    @Test
    void encodesAsNftListTable() {
        assertEncodesTo(NftRequests.dumpRules(NfProto.NFPROTO_IPV4, "netlab-lan"), fixture);
    }

    @Test
    void nftsRequestDecodesToTheDump() {
        NlMessage decoded = NetlinkCodec.decodeOne(fixture.buffer(), NftablesDecoder.INSTANCE);

        NlMessage expected = NftRequests.dumpRules(NfProto.NFPROTO_IPV4, "netlab-lan");
        assertThat(decoded.type()).isEqualTo(expected.type());
        assertThat(decoded.flags()).isEqualTo(expected.flags());
        assertThat(decoded.payload()).isEqualTo(expected.payload());
        assertThat(((RuleMessage) decoded.payload()).table()).contains("netlab-lan");
        assertRoundTrips(List.of(decoded), fixture);
    }
}
