package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;
import netlab.netlink.DecodePath;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import netlab.netlink.NlPayload;
import netlab.netlink.PayloadDecoder;
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
    static Stream<Arguments> captures() throws UnknownHostException {
        return Stream.of(
                arguments("route/link-add-veth.txt", LinkRequests.createVeth("veth0", "veth1")),
                arguments("route/link-add-veth-peer-netns-fd.txt",
                        LinkRequests.createVethWithPeerInNamespace("eth0", "eth0", 4)),
                arguments("route/link-add-veth-peer-netns-pid.txt",
                        LinkRequests.createVethWithPeerInProcessNamespace("eth0", "eth0", 8799)),
                arguments("route/link-add-veth-group.txt", LinkRequests.createVeth("v0",
                        List.of(new LinkAttribute.Group(7)), "v1", List.of(new LinkAttribute.Group(7)))),
                arguments("route/link-add-veth-echo.txt",
                        LinkRequests.createVeth("v0", "v1").withFlags(NlmFlags.NLM_F_ECHO)),
                arguments("route/link-add-veth-one-queue.txt", LinkRequests.createVeth("v0",
                        List.of(new LinkAttribute.NumTxQueues(1), new LinkAttribute.NumRxQueues(1)), "v1",
                        List.of(new LinkAttribute.NumTxQueues(1), new LinkAttribute.NumRxQueues(1)))),
                arguments("route/link-delete-group.txt", LinkRequests.deleteGroup(7)),
                arguments("route/link-set-up-addrgenmode-none.txt", LinkRequests.setUpWithoutIpv6LinkLocal(3)),
                arguments("route/link-set-addrgenmode-none.txt", LinkRequests.setAddrGenModeNone(3)),
                arguments("route/link-add-bridge.txt", LinkRequests.createBridge("br0")),
                arguments("route/link-add-bridge-stp.txt", LinkRequests.createBridge("br0", 1, 400, 3000)),
                arguments("route/link-add-macvlan.txt",
                        LinkRequests.createMacvlan("mv0", 3, MacvlanInfo.MACVLAN_MODE_BRIDGE)),
                arguments("route/link-add-vxlan.txt", LinkRequests.createVxlan("vx0", 42,
                        InetAddress.getByName("10.0.0.2"), InetAddress.getByName("10.0.0.1"), 4789, 3)),
                arguments("route/link-set-up.txt", LinkRequests.setUp(2)),
                arguments("route/link-set-down.txt", LinkRequests.setDown(2)),
                arguments("route/link-set-mtu.txt", LinkRequests.setMtu(3, 9000)),
                arguments("route/link-set-master.txt", LinkRequests.setMaster(3, 4)),
                arguments("route/link-set-nomaster.txt", LinkRequests.setNoMaster(3)),
                arguments("route/link-set-alias.txt", LinkRequests.setAlias(3, "netlab:lan")),
                arguments("route/link-set-group.txt", LinkRequests.setGroup(3, 7)),
                arguments("route/link-set-name.txt", LinkRequests.rename(3, "lan0")),
                arguments("route/link-set-netns.txt", LinkRequests.moveToNamespace(2, 4)),
                arguments("route/link-property-add-altname.txt", LinkRequests.addAltName(3, "lab-eth0")),
                arguments("route/link-del.txt", LinkRequests.delete(3)),
                arguments("route/link-get-by-name.txt", LinkRequests.getByName("veth0")),
                arguments("route/link-dump-request.txt", LinkRequests.dump()));
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
