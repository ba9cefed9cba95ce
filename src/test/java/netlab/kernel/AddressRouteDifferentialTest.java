package netlab.kernel;

import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import netlab.netlink.NlMessage;
import netlab.netlink.NlPayload;
import netlab.netlink.route.AddressMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtmTypes;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.Errno;
import netlab.sys.NetlinkSocket;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Addresses and routes made through the channel are exactly what {@code ip -j} reports. */
@KernelTest
class AddressRouteDifferentialTest {
    private static final String NODE = "diff-ar";

    private Kernel kernel;
    private NetNamespace node;
    private NetlinkChannel route;
    private int veth0;

    @BeforeEach
    void setUp() {
        kernel = new Kernel();
        node = NamedNamespaces.create(NODE);
        Shell.check("ip", "-n", NODE, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Shell.check("ip", "-n", NODE, "link", "set", "veth0", "up");
        Shell.check("ip", "-n", NODE, "link", "set", "veth1", "up");
        veth0 = Json.of("ip", "-n", NODE, "-j", "link", "show", "veth0").get(0).get("ifindex").asInt();
        route = kernel.channel(node, NetlinkSocket.NETLINK_ROUTE, RtnetlinkDecoder.INSTANCE);
    }

    @AfterEach
    void tearDown() {
        kernel.close();
        node.close();
        NamedNamespaces.delete(NODE);
        assertThat(Shell.check("ip", "netns", "list")).doesNotContain(NODE);
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text); // literals only: no lookup
    }

    private void create(String what, int type, NlPayload payload) {
        route.call(new NetlinkRequest(what, NlMessage.request(type, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL, payload)));
    }

    @Test
    void ipv4AndIpv6AddressesAreWhatIpReports() throws Exception {
        create("add 192.168.0.1/24 to veth0", RtmTypes.RTM_NEWADDR, AddressMessage.add(veth0, ip("192.168.0.1"), 24));
        create("add 2001:db8::1/64 to veth0", RtmTypes.RTM_NEWADDR, AddressMessage.addNoDad(veth0, ip("2001:db8::1"), 64));

        JsonNode info = Json.of("ip", "-n", NODE, "-j", "addr", "show", "dev", "veth0").get(0).get("addr_info");
        List<String> addresses = new ArrayList<>();
        for (JsonNode address : info) {
            addresses.add(address.get("local").asText() + "/" + address.get("prefixlen").asInt()
                    + (address.path("nodad").asBoolean() ? " nodad" : "")
                    + (address.path("tentative").asBoolean() ? " tentative" : ""));
        }
        assertThat(addresses).contains("192.168.0.1/24", "2001:db8::1/64 nodad");
    }

    @Test
    void defaultRouteAndHostRouteViaDeviceAreWhatIpReports() throws Exception {
        create("add 192.168.0.1/24 to veth0", RtmTypes.RTM_NEWADDR, AddressMessage.add(veth0, ip("192.168.0.1"), 24));
        create("route 172.31.32.1 dev veth0", RtmTypes.RTM_NEWROUTE, RouteMessage.toHost(ip("172.31.32.1"), veth0));
        create("route default via 172.31.32.1", RtmTypes.RTM_NEWROUTE,
                RouteMessage.defaultVia(ip("172.31.32.1")).withDevice(veth0));

        List<String> routes = new ArrayList<>();
        for (JsonNode r : Json.of("ip", "-n", NODE, "-j", "route", "show")) {
            routes.add(r.get("dst").asText() + " via=" + r.path("gateway").asText("-") + " dev=" + r.get("dev").asText()
                    + " scope=" + r.path("scope").asText("global"));
        }
        assertThat(routes).contains("default via=172.31.32.1 dev=veth0 scope=global",
                "172.31.32.1 via=- dev=veth0 scope=link");
    }

    @Test
    void thousandPipelinedRequestsGetThousandAcks() {
        List<NetlinkRequest> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            InetAddress address = InetAddress.ofLiteral("10.100." + (i / 250) + "." + (i % 250 + 1));
            requests.add(new NetlinkRequest("add " + address.getHostAddress() + "/32 to lo", NlMessage.request(
                    RtmTypes.RTM_NEWADDR, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL, AddressMessage.add(1, address, 32))));
        }

        List<CompletableFuture<List<NlMessage>>> answers = route.sendAll(requests);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isCompletedWithValue(List.of()));
        JsonNode lo = Json.of("ip", "-n", NODE, "-j", "-4", "addr", "show", "dev", "lo").get(0).get("addr_info");
        assertThat(lo).hasSize(1000); // lo of a new namespace is down: no 127.0.0.1 yet
        assertThat(lo.get(999).get("local").asText()).isEqualTo("10.100.3.250");
    }

    @Test
    void duplicateAddressIsRefusedWithEexistNamingTheOperation() throws Exception {
        create("add 192.168.0.1/24 to veth0", RtmTypes.RTM_NEWADDR, AddressMessage.add(veth0, ip("192.168.0.1"), 24));

        assertThatThrownBy(() -> create("add 192.168.0.1/24 to veth0 again", RtmTypes.RTM_NEWADDR,
                AddressMessage.add(veth0, ip("192.168.0.1"), 24)))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("add 192.168.0.1/24 to veth0 again: EEXIST (File exists)");
    }

    @Test
    void malformedRequestIsRefusedWithEinvalAndTheKernelsText() throws Exception {
        // A gateway on a device with no route to it: the kernel explains in its extended ACK.
        assertThatThrownBy(() -> create("route default via 10.9.9.9", RtmTypes.RTM_NEWROUTE,
                RouteMessage.defaultVia(ip("10.9.9.9")).withDevice(veth0)))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH);
                    assertThat(e.kernelMessage()).hasValue("Nexthop has invalid gateway");
                });
        assertThatThrownBy(() -> create("add 192.168.0.1/33", RtmTypes.RTM_NEWADDR,
                AddressMessage.add(veth0, ip("192.168.0.1"), 33)))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("kernel says");
    }
}
