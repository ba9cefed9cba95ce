package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.NeighbourRequests;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.Errno;
import netlab.sys.NetlinkSocket;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links and neighbours made through the channel are exactly what {@code ip -j} reports. */
@KernelTest
class LinkNeighbourDifferentialTest {
    private Kernel kernel;
    private NetNamespace left;
    private NetNamespace right;
    private NetlinkChannel leftRoute;

    @BeforeEach
    void setUp() {
        kernel = new Kernel();
        left = NamedNamespaces.create("diff-left");
        right = NamedNamespaces.create("diff-right");
        leftRoute = kernel.channel(left, NetlinkSocket.NETLINK_ROUTE, RtnetlinkDecoder.INSTANCE);
    }

    @AfterEach
    void tearDown() {
        kernel.close();
        left.close();
        right.close();
        NamedNamespaces.delete("diff-left");
        NamedNamespaces.delete("diff-right");
        assertThat(NamedNamespaces.list()).isEmpty();
    }

    private void call(String what, NlMessage request) {
        leftRoute.call(new NetlinkRequest(what, request));
    }

    private int index(String name) {
        return LinkIndexes.of(leftRoute, name);
    }

    private static List<String> names(JsonNode links) {
        List<String> names = new ArrayList<>();
        links.forEach(link -> names.add(link.get("ifname").asText()));
        return names;
    }

    @Test
    void vethPeerIsCreatedDirectlyInTheOtherNamespace() {
        call("create veth eth0 with its peer in diff-right",
                LinkRequests.createVeth("eth0", List.of(), "peer0", List.of(new LinkAttribute.NetNsFd(right.fd()))));

        assertThat(names(Json.of("ip", "-n", "diff-left", "-j", "link", "show"))).containsExactlyInAnyOrder("lo", "eth0");
        assertThat(names(Json.of("ip", "-n", "diff-right", "-j", "link", "show"))).containsExactlyInAnyOrder("lo", "peer0");
        JsonNode eth0 = Json.of("ip", "-n", "diff-left", "-j", "-d", "link", "show", "eth0").get(0);
        assertThat(eth0.get("linkinfo").get("info_kind").asText()).isEqualTo("veth");
        assertThat(eth0.has("link_netnsid")).isTrue();
    }

    @Test
    void bridgeWithAPortIsWhatIpReports() {
        call("create bridge br0", LinkRequests.createBridge("br0", List.of()));
        int br0 = index("br0");
        call("create veth p0 as a port of br0",
                LinkRequests.createVeth("p0", List.of(new LinkAttribute.Master(br0)), "p1", List.of()));
        int p0 = index("p0");
        call("bring br0 up", LinkRequests.setUp(br0, List.of()));
        call("bring p0 up", LinkRequests.setUp(p0, List.of()));

        assertThat(names(Json.of("ip", "-n", "diff-left", "-j", "link", "show", "master", "br0"))).containsExactly("p0");
        JsonNode bridge = Json.of("ip", "-n", "diff-left", "-j", "-d", "link", "show", "br0").get(0);
        assertThat(bridge.get("linkinfo").get("info_kind").asText()).isEqualTo("bridge");
        assertThat(bridge.get("ifindex").asInt()).isEqualTo(br0);
        assertThat(bridge.get("flags").toString()).contains("\"UP\"");
    }

    @Test
    void permanentNeighbourIsWhatIpReports() throws Exception {
        call("create veth n0", LinkRequests.createVeth("n0", List.of(), "n1", List.of()));
        int n0 = index("n0");
        call("add neighbour 172.31.32.1 on n0", NeighbourRequests.addPermanent(n0, InetAddress.getByName("172.31.32.1"),
                MacAddress.parse("02:00:00:00:00:01")));

        JsonNode neighbours = Json.of("ip", "-n", "diff-left", "-j", "neigh", "show", "dev", "n0");
        assertThat(neighbours).hasSize(1);
        assertThat(neighbours.get(0).get("dst").asText()).isEqualTo("172.31.32.1");
        assertThat(neighbours.get(0).get("lladdr").asText()).isEqualTo("02:00:00:00:00:01");
        assertThat(neighbours.get(0).get("state").toString()).isEqualTo("[\"PERMANENT\"]");
    }

    /**
     * The lab's own traffic can teach a node an entry before the file's permanent one is set
     * (honest/macs.topo's vxlan made n2 ask for n1 over p0): add is refused, replace wins.
     */
    @Test
    void replaceMakesALearnedNeighbourPermanentWhereAddIsRefused() throws Exception {
        call("create veth n0", LinkRequests.createVeth("n0", List.of(), "n1", List.of()));
        Shell.check("ip", "-n", "diff-left", "neigh", "add", "172.31.32.1", "lladdr", "02:00:00:00:00:09", "dev", "n0",
                "nud", "stale");
        int n0 = index("n0");
        InetAddress peer = InetAddress.getByName("172.31.32.1");
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");

        assertThatThrownBy(() -> call("add over the learned entry", NeighbourRequests.addPermanent(n0, peer, mac)))
                .hasMessageContaining("EEXIST");
        call("replace the learned entry", NeighbourRequests.replacePermanent(n0, peer, mac));

        JsonNode neighbours = Json.of("ip", "-n", "diff-left", "-j", "neigh", "show", "dev", "n0");
        assertThat(neighbours).hasSize(1);
        assertThat(neighbours.get(0).get("lladdr").asText()).isEqualTo("02:00:00:00:00:01");
        assertThat(neighbours.get(0).get("state").toString()).isEqualTo("[\"PERMANENT\"]");
    }

    @Test
    void creatingAnExistingLinkGivesEexist() {
        Shell.check("ip", "-n", "diff-left", "link", "add", "taken0", "type", "bridge");

        assertThatThrownBy(() -> call("create bridge taken0 in diff-left", LinkRequests.createBridge("taken0", List.of())))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("create bridge taken0 in diff-left: EEXIST (File exists)");
    }

    @Test
    void invalidMtuGivesEinvalWithTheKernelsText() {
        call("create bridge br9", LinkRequests.createBridge("br9", List.of()));

        assertThatThrownBy(() -> call("set mtu 10 on br9", LinkRequests.setMtu(index("br9"), 10)))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.kernelMessage()).hasValue("mtu less than device minimum");
                });
    }
}
