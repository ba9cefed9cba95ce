package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes of the dumps that read a namespace back: each encodes to what iproute2 sent for
 * its {@code Equivalent to} command, and the capture decodes to the same message.
 */
class DumpRequestsTest {
    static Stream<Arguments> captures() {
        return Stream.of(
                arguments("route/addr-dump-request.txt", DumpRequests.addresses(RtFamily.AF_UNSPEC)),
                arguments("route/route-dump-main-v4-request.txt", DumpRequests.mainTableRoutes(RtFamily.AF_INET)),
                arguments("route/route-dump-main-v6-request.txt", DumpRequests.mainTableRoutes(RtFamily.AF_INET6)),
                arguments("route/route-dump-local-v6-request.txt", DumpRequests.localTableRoutes(RtFamily.AF_INET6)),
                arguments("route/neigh-dump-request.txt", DumpRequests.neighbours(RtFamily.AF_UNSPEC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void factoryEncodesAsIproute2Did(String fixture, NlMessage request) {
        assertEncodesTo(request, Fixture.load(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void captureDecodesToTheFactorysMessage(String fixture, NlMessage request) {
        Fixture captured = Fixture.load(fixture);

        NlMessage decoded = NetlinkCodec.decodeOne(captured.buffer(), RtnetlinkDecoder.INSTANCE);

        assertThat(decoded.type()).isEqualTo(request.type());
        assertThat(decoded.flags()).isEqualTo(request.flags());
        assertThat(decoded.payload()).isEqualTo(request.payload());
        assertRoundTrips(List.of(decoded), captured);
    }
}
