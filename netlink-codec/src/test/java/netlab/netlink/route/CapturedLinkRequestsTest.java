package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Link requests iproute2 sent that netlab has no builder for (it never sends them): the codec
 * still decodes each into typed attributes and encodes it back byte for byte, so a trace of such
 * a request (someone's {@code ip} running beside netlab, say) reads right.
 */
class CapturedLinkRequestsTest {
    @ParameterizedTest
    @ValueSource(strings = {"link-add-veth-peer-netns-pid", "link-add-bridge-stp", "link-add-vxlan", "link-set-down",
            "link-set-master", "link-set-nomaster", "link-set-alias", "link-set-group", "link-set-name",
            "link-set-netns", "link-property-add-altname", "link-get-by-name"})
    void decodesTypedAndEncodesBackTheSameBytes(String name) {
        Fixture captured = Fixture.load("route/" + name + ".txt");

        NlMessage decoded = NetlinkCodec.decodeOne(captured.buffer(), RtnetlinkDecoder.INSTANCE);

        LinkMessage link = (LinkMessage) decoded.payload();
        assertThat(link.attributes()).noneMatch(LinkAttribute.Other.class::isInstance);
        assertRoundTrips(List.of(decoded), captured);
    }

    @ParameterizedTest
    @ValueSource(strings = {"link-set-up-addrgenmode-none"})
    void theAddressGenerationModeStaysRawAndEncodesBack(String name) {
        Fixture captured = Fixture.load("route/" + name + ".txt");

        NlMessage decoded = NetlinkCodec.decodeOne(captured.buffer(), RtnetlinkDecoder.INSTANCE);

        assertThat(((LinkMessage) decoded.payload()).attributes()).singleElement()
                .isInstanceOf(LinkAttribute.Other.class);
        assertRoundTrips(List.of(decoded), captured);
    }
}
