package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;

import java.net.InetAddress;
import netlab.netlink.MacAddress;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The address, route and neighbour requests netlab sends carry their own message type and
 * flags: each encodes to exactly what iproute2 sent for its {@code Equivalent to} command.
 */
class RequestsOwnTheirFlagsTest {
    private static final int VETH0 = 3; // the ifindex veth0 had when the fixtures were captured

    @Test
    void addressAddIsIpAddrAdd() throws Exception {
        assertEncodesTo(AddressRequests.add(VETH0, InetAddress.getByName("192.168.0.1"), 24),
                Fixture.load("route/addr-add-v4.txt"));
    }

    @Test
    void addressAddWithoutDadIsIpAddrAddNodad() throws Exception {
        assertEncodesTo(AddressRequests.addWithoutDad(VETH0, InetAddress.getByName("2001:db8::1"), 64),
                Fixture.load("route/addr-add-v6-nodad.txt"));
    }

    @Test
    void routeAddIsIpRouteAdd() throws Exception {
        assertEncodesTo(RouteRequests.add(RouteMessage.defaultVia(InetAddress.getByName("172.31.32.1"))
                .withDevice(VETH0).onlink()), Fixture.load("route/route-add-default-onlink.txt"));
    }

    @Test
    void vxlanRemoteChangeIsIpLinkSetTypeVxlanRemote() throws Exception {
        assertEncodesTo(LinkRequests.setVxlanRemote(2, InetAddress.getByName("192.0.2.3")),
                Fixture.load("route/link-set-vxlan-remote.txt"));
    }

    @Test
    void floodAppendIsBridgeFdbAppend() throws Exception {
        assertEncodesTo(NeighbourRequests.appendFlood(2, InetAddress.getByName("192.0.2.2")),
                Fixture.load("route/fdb-append-flood.txt"));
    }

    @Test
    void floodDeleteIsBridgeFdbDel() throws Exception {
        assertEncodesTo(NeighbourRequests.deleteFlood(2, InetAddress.getByName("192.0.2.2")),
                Fixture.load("route/fdb-del-flood.txt"));
    }

    @Test
    void neighbourAddIsIpNeighAddPermanent() throws Exception {
        assertEncodesTo(NeighbourRequests.addPermanent(7, InetAddress.getByName("10.0.0.2"),
                MacAddress.parse("02:00:00:00:00:02")), Fixture.load("route/neigh-add-permanent-v4.txt"));
    }

    @Test
    void neighbourReplaceIsIpNeighReplacePermanent() throws Exception {
        assertEncodesTo(NeighbourRequests.replacePermanent(7, InetAddress.getByName("10.0.0.2"),
                MacAddress.parse("02:00:00:00:00:02")), Fixture.load("route/neigh-replace-permanent-v4.txt"));
    }

    @Test
    void addressDeleteIsIpAddrDel() throws Exception {
        assertEncodesTo(AddressRequests.delete(VETH0, InetAddress.getByName("192.168.0.1"), 24),
                Fixture.load("route/addr-del-v4.txt"));
    }

    @Test
    void routeDeleteOfOneRouteOfOneProtocolIsIpRouteDel() throws Exception {
        assertEncodesTo(RouteRequests.delete(RouteMessage.delete(InetAddress.getByName("10.88.0.0"), 24)
                .withGateway(InetAddress.getByName("10.77.0.2")).withMetric(5).withDevice(1).withProtocol(211)),
                Fixture.load("route/route-del-lo-proto.txt"));
    }

    @Test
    void neighbourDeleteIsIpNeighDel() throws Exception {
        assertEncodesTo(NeighbourRequests.delete(1, InetAddress.getByName("2001:db8::9")),
                Fixture.load("route/neigh-del-v6.txt"));
    }
}
