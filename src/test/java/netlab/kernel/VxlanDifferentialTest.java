package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.netlink.MacAddress;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.route.VxlanInfo;
import netlab.sys.NetlinkSocket;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vxlans netlab's requests make are the ones {@code ip link add ... type vxlan ... nolearning}
 * makes: in two fresh namespaces, the same underlay and bridge made the same way, then each vxlan
 * by netlab in one and by ip in the other; {@code ip -d -j link show} must print the same.
 */
@KernelTest
class VxlanDifferentialTest {
    private static final String BY_NETLAB = "diff-vx-netlab";
    private static final String BY_IP = "diff-vx-ip";

    private Kernel kernel;
    private NetNamespace namespace;
    private NetlinkChannel route;

    @BeforeEach
    void setUp() {
        kernel = new Kernel();
        namespace = NamedNamespaces.create(BY_NETLAB);
        NamedNamespaces.create(BY_IP).close();
        route = kernel.channel(namespace, NetlinkSocket.NETLINK_ROUTE, RtnetlinkDecoder.INSTANCE);
        for (String node : List.of(BY_NETLAB, BY_IP)) {
            Shell.check("ip", "-n", node, "link", "add", "u0", "type", "veth", "peer", "name", "u1");
            Shell.check("ip", "-n", node, "link", "add", "br0", "type", "bridge");
        }
    }

    @AfterEach
    void tearDown() {
        kernel.close();
        namespace.close();
        NamedNamespaces.delete(BY_NETLAB);
        NamedNamespaces.delete(BY_IP);
        assertThat(NamedNamespaces.list()).isEmpty();
    }

    @Test
    void overAnIpv4UnderlayAsABridgePort() {
        sameAsIp("vx0", "02:00:00:00:00:10", List.of(new LinkAttribute.Master(index("br0"))),
                VxlanInfo.pointToPoint(42, ip("192.0.2.2"), Optional.of(ip("192.0.2.1")), OptionalInt.of(index("u0")), 4789),
                "master br0 type vxlan id 42 remote 192.0.2.2 local 192.0.2.1 dstport 4789 nolearning dev u0");
    }

    @Test
    void overAnIpv6Underlay() {
        sameAsIp("vx6", "02:00:00:00:00:11", List.of(),
                VxlanInfo.pointToPoint(16777215, ip("2001:db8::2"), Optional.of(ip("2001:db8::1")),
                        OptionalInt.of(index("u0")), 4789),
                "type vxlan id 16777215 remote 2001:db8::2 local 2001:db8::1 dstport 4789 nolearning dev u0");
    }

    @Test
    void withoutLocalOnTheLegacyPort() {
        sameAsIp("vx1", "02:00:00:00:00:12", List.of(),
                VxlanInfo.pointToPoint(0, ip("198.51.100.1"), Optional.empty(), OptionalInt.empty(), 8472),
                "type vxlan id 0 remote 198.51.100.1 dstport 8472 nolearning");
    }

    /** netlab's request in one namespace, {@code ip link add NAME address MAC IP_WORDS} in the other. */
    private void sameAsIp(String name, String mac, List<LinkAttribute> options, VxlanInfo vxlan, String ipWords) {
        List<LinkAttribute> attributes = new java.util.ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(mac))));
        attributes.addAll(options);
        route.call(new NetlinkRequest("create vxlan " + name, LinkRequests.createVxlan(name, attributes, vxlan)));
        List<String> command = new java.util.ArrayList<>(List.of("ip", "-n", BY_IP, "link", "add", name, "address", mac));
        command.addAll(List.of(ipWords.split(" ")));
        Shell.check(command.toArray(String[]::new));

        JsonNode netlab = shown(BY_NETLAB, name);
        JsonNode iproute2 = shown(BY_IP, name);
        assertThat(netlab.path("linkinfo").path("info_kind").asText()).isEqualTo("vxlan");
        assertThat(netlab.path("linkinfo").path("info_data").path("learning").asBoolean(true)).isFalse();
        assertThat(netlab).isEqualTo(iproute2);
    }

    /** {@code ip -d -j link show NAME}, its index left out (the same order of creation gives the same, but need not). */
    private static JsonNode shown(String node, String name) {
        ObjectNode link = (ObjectNode) Json.of("ip", "-n", node, "-d", "-j", "link", "show", name).get(0);
        link.remove("ifindex");
        return link;
    }

    private int index(String name) {
        return LinkIndexes.of(route, name);
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
