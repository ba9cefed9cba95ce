package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;
import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The route requests iproute2 sends, byte for byte, in both directions. */
class RouteMessageTest {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int DELETE = NLM_F_REQUEST | NLM_F_ACK;
    private static final int VETH0 = 3; // the ifindex veth0 had when the fixtures were captured

    @Test
    void ipv4DefaultViaGatewayHasNoDestination() throws Exception {
        RouteMessage route = RouteMessage.defaultVia(ip("192.168.0.254"));

        assertGolden("route/route-add-default-v4.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.destination()).isEmpty();
        assertThat(route.gateway()).contains(ip("192.168.0.254"));
        assertThat(route.header().protocol()).isEqualTo(RtMsg.RTPROT_BOOT);
        assertThat(route.table()).isEqualTo(RtMsg.RT_TABLE_MAIN);
    }

    @Test
    void prefixViaGatewayWithMetric() throws Exception {
        RouteMessage route = RouteMessage.via(ip("10.1.0.0"), 16, ip("192.168.0.254")).withMetric(100);

        assertGolden("route/route-add-prefix-metric.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.metric()).contains(100);
        assertThat(route.header().dstLength()).isEqualTo(16);
    }

    @Test
    void hostOnDeviceHasLinkScope() throws Exception {
        RouteMessage route = RouteMessage.toHost(ip("172.31.32.1"), VETH0);

        assertGolden("route/route-add-host-link.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.header().scope()).isEqualTo(RtMsg.RT_SCOPE_LINK);
        assertThat(route.header().dstLength()).isEqualTo(32);
        assertThat(route.outputInterface()).contains(VETH0);
    }

    @Test
    void onlinkDefaultSetsTheNextHopFlag() throws Exception {
        RouteMessage route = RouteMessage.defaultVia(ip("172.31.32.1")).withDevice(VETH0).onlink();

        assertGolden("route/route-add-default-onlink.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.header().flags()).isEqualTo(RtMsg.RTNH_F_ONLINK);
    }

    @Test
    void preferredSourceGoesBeforeTheDevice() throws Exception {
        RouteMessage route = RouteMessage.onDevice(ip("10.2.0.0"), 24, VETH0).withPreferredSource(ip("192.168.0.1"));

        assertGolden("route/route-add-prefix-src.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.preferredSource()).contains(ip("192.168.0.1"));
        assertThat(route.attributes().getLast()).isEqualTo(new RouteAttribute.OutputInterface(VETH0));
    }

    @Test
    void ipv6DefaultSendsTheAnyDestination() throws Exception {
        RouteMessage route = RouteMessage.defaultVia(ip("2001:db8::fe")).withDevice(VETH0);

        assertGolden("route/route-add-default-v6.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.header().family()).isEqualTo(RtFamily.AF_INET6);
        assertThat(route.destination()).contains(ip("::"));
    }

    @Test
    void largeTableTravelsInRtaTableAndProtocolIsTheCallers() throws Exception {
        RouteMessage route = RouteMessage.via(ip("10.5.0.0"), 16, ip("192.168.0.254")).withTable(1000).withProtocol(99);

        assertGolden("route/route-add-table-proto.txt", RtmTypes.RTM_NEWROUTE, CREATE, route);
        assertThat(route.header().table()).isEqualTo(RtMsg.RT_TABLE_UNSPEC);
        assertThat(route.table()).isEqualTo(1000);
        assertThat(route.header().protocol()).isEqualTo(99);
    }

    @Test
    void smallTableStaysInTheHeader() throws Exception {
        RouteMessage route = RouteMessage.defaultVia(ip("172.31.32.1")).withDevice(VETH0).withTable(100);

        assertThat(route.header().table()).isEqualTo(100);
        assertThat(route.attributes()).noneMatch(RouteAttribute.Table.class::isInstance);
    }

    @Test
    void ipv4DeleteDefaultMatchesAnyScope() throws Exception {
        RouteMessage route = RouteMessage.deleteDefault(RtFamily.AF_INET);

        assertGolden("route/route-del-default.txt", RtmTypes.RTM_DELROUTE, DELETE, route);
        assertThat(route.header().scope()).isEqualTo(RtMsg.RT_SCOPE_NOWHERE);
        assertThat(route.attributes()).isEmpty();
    }

    @Test
    void ipv6DeleteDefaultSendsTheAnyDestination() throws Exception {
        assertGolden("route/route-del-default-v6.txt", RtmTypes.RTM_DELROUTE, DELETE,
                RouteMessage.deleteDefault(RtFamily.AF_INET6));
    }

    @Test
    void deleteOfAPrefixNamesIt() throws Exception {
        RouteMessage route = RouteMessage.delete(ip("10.1.0.0"), 16);

        assertGolden("route/route-del-prefix-v4.txt", RtmTypes.RTM_DELROUTE, DELETE, route);
        assertThat(route.header()).isEqualTo(new RtMsg(RtFamily.AF_INET, 16, 0, 0, RtMsg.RT_TABLE_MAIN,
                RtMsg.RTPROT_UNSPEC, RtMsg.RT_SCOPE_NOWHERE, RtMsg.RTN_UNSPEC, 0));
        assertThat(route.attributes()).containsExactly(new RouteAttribute.Destination(ip("10.1.0.0")));
    }

    @Test
    void deleteOfOneRouteOfOneProtocolNamesAllThatMatches() throws Exception {
        RouteMessage route = RouteMessage.delete(ip("10.88.0.0"), 24).withGateway(ip("10.77.0.2")).withMetric(5)
                .withDevice(1).withProtocol(211);

        assertGolden("route/route-del-lo-proto.txt", RtmTypes.RTM_DELROUTE, DELETE, route);
        assertThat(route.gateway()).contains(ip("10.77.0.2"));
        assertThat(route.header().protocol()).isEqualTo(211);
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // a literal: parsed, never looked up
    }

    private static void assertGolden(String path, int type, int flags, RouteMessage expected) {
        Fixture fixture = Fixture.load(path);
        assertEncodesTo(NlMessage.request(type, flags, expected), fixture);

        NlMessage decoded = NetlinkCodec.decodeOne(fixture.buffer(), RtnetlinkDecoder.INSTANCE);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.flags()).isEqualTo(flags);
        assertThat(decoded.payload()).isEqualTo(expected);
        assertRoundTrips(List.of(decoded), fixture);
    }
}
