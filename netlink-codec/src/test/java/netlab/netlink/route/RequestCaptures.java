package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;

/** A request factory against the request a tool sent for the same command, in both directions. */
final class RequestCaptures {
    private RequestCaptures() {}

    /**
     * {@code request} encodes to the capture (but for its run-time bytes), and the capture decodes
     * to {@code request}'s type, flags and payload and encodes back to itself exactly.
     */
    static void assertIsTheCapture(String fixture, NlMessage request) {
        Fixture captured = Fixture.load(fixture);
        assertEncodesTo(request, captured);

        NlMessage decoded = NetlinkCodec.decodeOne(captured.buffer(), RtnetlinkDecoder.INSTANCE);

        assertThat(decoded.type()).isEqualTo(request.type());
        assertThat(decoded.flags()).isEqualTo(request.flags());
        assertThat(decoded.payload()).isEqualTo(request.payload());
        assertRoundTrips(List.of(decoded), captured);
    }
}
