package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import netlab.netlink.MacAddress;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes: each request factory encodes to what iproute2 sent for its {@code Equivalent to}
 * command, and the captured bytes decode to exactly the factory's message (typed records, with
 * the run-time values the capture holds), then encode back byte for byte.
 */
class LinkRequestsTest {
    private static final List<LinkAttribute> NONE = List.of();

    static Stream<Arguments> captures() {
        MacAddress mac1 = MacAddress.parse("02:00:00:00:00:01");
        return Stream.of(
                arguments("route/link-add-veth.txt", LinkRequests.createVeth("veth0", NONE, "veth1", NONE)),
                arguments("route/link-add-veth-peer-netns-fd.txt",
                        LinkRequests.createVeth("eth0", NONE, "eth0", List.of(new LinkAttribute.NetNsFd(4)))),
                arguments("route/link-add-veth-group.txt", LinkRequests.createVeth("v0",
                        List.of(new LinkAttribute.Group(7)), "v1", List.of(new LinkAttribute.Group(7)))),
                arguments("route/link-add-veth-echo.txt",
                        LinkRequests.createVeth("v0", NONE, "v1", NONE).withFlags(NlmFlags.NLM_F_ECHO)),
                arguments("route/link-add-veth-one-queue.txt", LinkRequests.createVeth("v0",
                        List.of(new LinkAttribute.NumTxQueues(1), new LinkAttribute.NumRxQueues(1)), "v1",
                        List.of(new LinkAttribute.NumTxQueues(1), new LinkAttribute.NumRxQueues(1)))),
                arguments("route/link-add-veth-address.txt", LinkRequests.createVeth("v0",
                        List.of(new LinkAttribute.Address(mac1)), "v1",
                        List.of(new LinkAttribute.Address(MacAddress.parse("02:00:00:00:00:02"))))),
                arguments("route/link-delete-group.txt", LinkRequests.deleteGroup(7)),
                arguments("route/link-del.txt", LinkRequests.delete(3)),
                arguments("route/link-set-addrgenmode-none.txt", LinkRequests.setAddrGenModeNone(3)),
                arguments("route/link-add-bridge.txt", LinkRequests.createBridge("br0", NONE)),
                arguments("route/link-add-bridge-address.txt",
                        LinkRequests.createBridge("br0", List.of(new LinkAttribute.Address(mac1)))),
                arguments("route/link-add-macvlan.txt",
                        LinkRequests.createMacvlan("mv0", NONE, 3, MacvlanInfo.MACVLAN_MODE_BRIDGE)),
                arguments("route/link-add-macvlan-address.txt", LinkRequests.createMacvlan("mv0",
                        List.of(new LinkAttribute.Address(MacAddress.parse("02:00:00:00:00:03"))), 3,
                        MacvlanInfo.MACVLAN_MODE_BRIDGE)),
                arguments("route/link-add-vxlan-nolearning.txt", LinkRequests.createVxlan("vx0",
                        List.of(new LinkAttribute.Address(MacAddress.parse("02:00:00:00:00:03"))),
                        VxlanInfo.pointToPoint(42, address("10.0.0.2"), Optional.of(address("10.0.0.1")),
                                OptionalInt.of(3), 4789))),
                arguments("route/link-set-up.txt", LinkRequests.setUp(2, NONE)),
                arguments("route/link-set-down.txt", LinkRequests.setDown(2)),
                arguments("route/link-set-mtu.txt", LinkRequests.setMtu(3, 9000)),
                arguments("route/link-dump-request.txt", LinkRequests.dump()));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
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
