package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NatRule;
import netlab.topology.Neighbour;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.Source;
import netlab.topology.SysctlSetting;
import org.junit.jupiter.api.Test;

/** One test per statement of the language: what each one becomes in the model. */
class StatementTest {
    static final String F = "t.topo";

    static Lab parse(String text) {
        return TopologyReader.parse(F, text);
    }

    static Source at(int line, int column) {
        return new Source(F, line, column);
    }

    static Cidr cidr(String text) throws Exception {
        String[] parts = text.split("/");
        return new Cidr(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
    }

    static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    static NetInterface iface(Lab lab, String node, String name) {
        return lab.node(node).orElseThrow().netInterface(name).orElseThrow();
    }

    @Test
    void labNamesTheLabAndDefaultsToTheFileName() {
        assertThat(parse("lab mylab\nnode a\n").name()).isEqualTo("mylab");
        assertThat(TopologyReader.parse("dir/star-10.topo", "node a\n").name()).isEqualTo("star-10");
        assertThat(TopologyReader.parse("dir/star-10.topo", "node a\n").file()).isEqualTo("dir/star-10.topo");
    }

    @Test
    void nodeOpensABlockWithLoopbackOnly() {
        Lab lab = parse("# comment\nnode a   # trailing comment\n\tnode b\n");
        assertThat(lab.nodes()).extracting(Node::name).containsExactly("a", "b");
        Node a = lab.node("a").orElseThrow();
        assertThat(a.source()).isEqualTo(at(2, 1));
        assertThat(a.interfaces()).containsExactly(new NetInterface.Loopback(List.of(), OptionalInt.empty(), at(2, 1)));
        assertThat(lab.node("b").orElseThrow().source()).isEqualTo(at(3, 2));
        assertThat(lab.host()).isEmpty();
    }

    @Test
    void hostOpensTheHostBlock() {
        Lab lab = parse("node a\nhost\n  bridge br0\n");
        assertThat(lab.nodes()).extracting(Node::name).containsExactly("a", "host");
        assertThat(lab.host().orElseThrow().isHost()).isTrue();
        assertThat(lab.host().orElseThrow().netInterface("br0")).isPresent();
        assertThat(lab.namespaces()).extracting(Node::name).containsExactly("a");
    }

    @Test
    void bridgeWithAddressesOfBothFamilies() throws Exception {
        Lab lab = parse("node a\n  bridge br0 10.0.0.1/24 2001:db8::1/64\n  bridge br1\n");
        assertThat(iface(lab, "a", "br0")).isEqualTo(new NetInterface.Bridge("br0",
                List.of(cidr("10.0.0.1/24"), cidr("2001:db8::1/64")), OptionalInt.empty(), Optional.empty(), at(2, 3)));
        assertThat(iface(lab, "a", "br1").addresses()).isEmpty();
    }

    @Test
    void linkToAnInterfaceOfANodeMakesAVethPair() throws Exception {
        Lab lab = parse("node a\n  link eth0 to b:veth-a address 10.0.0.1/30\nnode b\n  address veth-a 10.0.0.2/30\n  mtu veth-a 9000\n");
        assertThat(iface(lab, "a", "eth0")).isEqualTo(new NetInterface.VethEnd("eth0", new Endpoint("b", "veth-a"), true,
                Optional.empty(), List.of(cidr("10.0.0.1/30")), OptionalInt.empty(), Optional.empty(), at(2, 3)));
        assertThat(iface(lab, "b", "veth-a")).isEqualTo(new NetInterface.VethEnd("veth-a", new Endpoint("a", "eth0"),
                false, Optional.empty(), List.of(cidr("10.0.0.2/30")),
                OptionalInt.of(9000), Optional.empty(), at(2, 18)));
    }

    @Test
    void linkToABridgeMakesAPortNamedAutomaticallyOrByPort() {
        Lab lab = parse("""
                host
                  bridge br0
                node a
                  bridge br1
                node container-foo
                  link eth0 to br0
                  link eth1 to br0 port cf1
                  link eth2 to a:br1
                """);
        assertThat(iface(lab, "host", "contai-1e30efb5")).isEqualTo(new NetInterface.VethEnd("contai-1e30efb5",
                new Endpoint("container-foo", "eth0"), false, Optional.of("br0"), List.of(),
                OptionalInt.empty(), Optional.empty(), at(6, 16)));
        assertThat(iface(lab, "host", "cf1")).isEqualTo(new NetInterface.VethEnd("cf1",
                new Endpoint("container-foo", "eth1"), false, Optional.of("br0"), List.of(),
                OptionalInt.empty(), Optional.empty(), at(7, 25)));
        // CRC-32 values from Python: zlib.crc32(b"container-foo:eth0"), (b"container-foo:eth2").
        assertThat(iface(lab, "a", "contai-f03e8e99")).isInstanceOfSatisfying(NetInterface.VethEnd.class, v -> {
            assertThat(v.master()).contains("br1");
            assertThat(v.peer()).isEqualTo(new Endpoint("container-foo", "eth2"));
        });
        assertThat(iface(lab, "container-foo", "eth0")).isEqualTo(new NetInterface.VethEnd("eth0",
                new Endpoint("host", "contai-1e30efb5"), true, Optional.empty(), List.of(),
                OptionalInt.empty(), Optional.empty(), at(6, 3)));
    }

    @Test
    void macvlanOnAParentWithModeDefaultingToBridge() throws Exception {
        Lab lab = parse("""
                host
                node a
                  macvlan mv0 on host:eth0 address 192.0.2.10/24
                  macvlan mv1 on host:eth0 mode vepa
                  macvlan mv2 on host:eth0 mode private
                """);
        assertThat(iface(lab, "a", "mv0")).isEqualTo(new NetInterface.Macvlan("mv0", new Endpoint("host", "eth0"),
                MacvlanMode.BRIDGE, List.of(cidr("192.0.2.10/24")), OptionalInt.empty(), Optional.empty(), at(3, 3)));
        assertThat(((NetInterface.Macvlan) iface(lab, "a", "mv1")).mode()).isEqualTo(MacvlanMode.VEPA);
        assertThat(((NetInterface.Macvlan) iface(lab, "a", "mv2")).mode()).isEqualTo(MacvlanMode.PRIVATE);
    }

    @Test
    void addressOnLoopbackAndOnEitherVethEnd() throws Exception {
        Lab lab = parse("node a\n  address lo 10.255.0.1/32 2001:db8:ff::1/128\n  link e to b:f\n  address e 2001:db8::1/64\nnode b\n  address f 2001:db8::2/64\n");
        assertThat(iface(lab, "a", "lo").addresses()).containsExactly(cidr("10.255.0.1/32"), cidr("2001:db8:ff::1/128"));
        assertThat(iface(lab, "a", "e").addresses()).containsExactly(cidr("2001:db8::1/64"));
        assertThat(iface(lab, "b", "f").addresses()).containsExactly(cidr("2001:db8::2/64"));
    }

    @Test
    void mtuOnAnyInterface() {
        Lab lab = parse("node a\n  mtu lo 1500\n  bridge br0\n  mtu br0 68\n  link e to b:f\n  mtu e 65535\nnode b\n");
        assertThat(iface(lab, "a", "lo").mtu()).hasValue(1500);
        assertThat(iface(lab, "a", "br0").mtu()).hasValue(68);
        assertThat(iface(lab, "a", "e").mtu()).hasValue(65535);
        assertThat(iface(lab, "b", "f").mtu()).isEmpty();
    }

    @Test
    void routeInEveryForm() throws Exception {
        Lab lab = parse("""
                node a
                  link e to b:f address 10.0.0.1/24 2001:db8::1/64
                  route default via 10.0.0.254
                  route default via 2001:db8::fe dev e metric 5
                  route 192.0.2.7 dev e src 10.0.0.1
                  route 198.51.100.0/24 via 203.0.113.1 dev e onlink metric 7
                  route 2001:db8:1::/48 via fe80::1 dev e
                node b
                """);
        List<Route> routes = lab.node("a").orElseThrow().routes();
        assertThat(routes).containsExactly(
                new Route(cidr("0.0.0.0/0"), Optional.of(ip("10.0.0.254")), Optional.empty(), false, OptionalInt.empty(),
                        Optional.empty(), at(3, 3)),
                new Route(cidr("::/0"), Optional.of(ip("2001:db8::fe")), Optional.of("e"), false, OptionalInt.of(5),
                        Optional.empty(), at(4, 3)),
                new Route(cidr("192.0.2.7/32"), Optional.empty(), Optional.of("e"), false, OptionalInt.empty(),
                        Optional.of(ip("10.0.0.1")), at(5, 3)),
                new Route(cidr("198.51.100.0/24"), Optional.of(ip("203.0.113.1")), Optional.of("e"), true, OptionalInt.of(7),
                        Optional.empty(), at(6, 3)),
                new Route(cidr("2001:db8:1::/48"), Optional.of(ip("fe80::1")), Optional.of("e"), false, OptionalInt.empty(),
                        Optional.empty(), at(7, 3)));
        assertThat(routes.get(1).isDefault()).isTrue();
    }

    @Test
    void gatewayReachableThroughADeviceRoute() throws Exception {
        Lab lab = parse("node a\n  link e to b:f address 172.31.37.240/32\n  route 172.31.32.1 dev e\n  route default via 172.31.32.1\nnode b\n");
        assertThat(lab.node("a").orElseThrow().routes()).hasSize(2);
    }

    @Test
    void neighWithAMacOrThePeersMac() throws Exception {
        Lab lab = parse("node a\n  link e to b:f\n  neigh 10.0.0.1 dev e lladdr 02:AA:bb:cc:dd:0E\n  neigh 2001:db8::9 dev e lladdr peer\nnode b\n");
        assertThat(lab.node("a").orElseThrow().neighbours()).containsExactly(
                new Neighbour(ip("10.0.0.1"), "e", Optional.of("02:aa:bb:cc:dd:0e"), at(3, 3)),
                new Neighbour(ip("2001:db8::9"), "e", Optional.empty(), at(4, 3)));
        assertThat(lab.node("a").orElseThrow().neighbours().get(1).usesPeerMac()).isTrue();
    }

    @Test
    void sysctlKeepsKeyAndValue() {
        Lab lab = parse("node a\n  sysctl net.ipv4.conf.all.rp_filter=2\n  sysctl net.ipv6.conf.default.disable_ipv6=1\n");
        assertThat(lab.node("a").orElseThrow().sysctls()).containsExactly(
                new SysctlSetting("net.ipv4.conf.all.rp_filter", "2", at(2, 3)),
                new SysctlSetting("net.ipv6.conf.default.disable_ipv6", "1", at(3, 3)));
    }

    @Test
    void masqueradeInEveryForm() throws Exception {
        Lab lab = parse("""
                host
                  masquerade
                  masquerade src 10.0.0.0/24
                  masquerade src 10.0.0.0/24 dst 10.1.0.0/16 out eth0
                  masquerade dst !10.0.0.0/8 out wlan0
                """);
        assertThat(lab.host().orElseThrow().nat()).containsExactly(
                new NatRule(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), at(2, 3)),
                new NatRule(Optional.empty(), Optional.of(cidr("10.0.0.0/24")), Optional.of(cidr("10.0.0.0/24")), true,
                        Optional.empty(), at(3, 3)),
                new NatRule(Optional.empty(), Optional.of(cidr("10.0.0.0/24")), Optional.of(cidr("10.1.0.0/16")), false,
                        Optional.of("eth0"), at(4, 3)),
                new NatRule(Optional.empty(), Optional.empty(), Optional.of(cidr("10.0.0.0/8")), true,
                        Optional.of("wlan0"), at(5, 3)));
    }

    @Test
    void snatToAnAddress() throws Exception {
        Lab lab = parse("node a\n  link ens5 to b:x address 172.31.37.209/20\n  snat 172.31.37.209 dst !172.31.0.0/16 out ens5\nnode b\n");
        NatRule rule = lab.node("a").orElseThrow().nat().getFirst();
        assertThat(rule).isEqualTo(new NatRule(Optional.of(ip("172.31.37.209")), Optional.empty(),
                Optional.of(cidr("172.31.0.0/16")), true, Optional.of("ens5"), at(3, 3)));
        assertThat(rule.isMasquerade()).isFalse();
    }

    @Test
    void natTakesAPlainAddressAsOneHost() throws Exception {
        Lab lab = parse("""
                host
                  snat 198.51.100.10 src 172.31.37.209
                  masquerade src 10.0.0.7 dst !10.0.0.1
                  masquerade dst 192.0.2.9
                  masquerade src 2001:db8::7
                  snat 2001:db8::1 src 2001:db8:1::/48 dst !2001:db8::9
                  masquerade dst 2001:db8::5
                """);
        assertThat(lab.host().orElseThrow().nat()).containsExactly(
                new NatRule(Optional.of(ip("198.51.100.10")), Optional.of(cidr("172.31.37.209/32")), Optional.empty(),
                        false, Optional.empty(), at(2, 3)),
                new NatRule(Optional.empty(), Optional.of(cidr("10.0.0.7/32")), Optional.of(cidr("10.0.0.1/32")), true,
                        Optional.empty(), at(3, 3)),
                new NatRule(Optional.empty(), Optional.empty(), Optional.of(cidr("192.0.2.9/32")), false,
                        Optional.empty(), at(4, 3)),
                // "masquerade src ADDR" alone: what that host sends anywhere but to itself.
                new NatRule(Optional.empty(), Optional.of(cidr("2001:db8::7/128")), Optional.of(cidr("2001:db8::7/128")),
                        true, Optional.empty(), at(5, 3)),
                new NatRule(Optional.of(ip("2001:db8::1")), Optional.of(cidr("2001:db8:1::/48")),
                        Optional.of(cidr("2001:db8::9/128")), true, Optional.empty(), at(6, 3)),
                new NatRule(Optional.empty(), Optional.empty(), Optional.of(cidr("2001:db8::5/128")), false,
                        Optional.empty(), at(7, 3)));
    }

    @Test
    void theSameAddressInIsolatedPartsIsLegal() {
        Lab lab = parse("""
                node a
                  link e to b:e address 10.0.0.1/24
                node b
                  address e 10.0.0.2/24
                node c
                  link e to d:e address 10.0.0.1/24
                node d
                  address e 10.0.0.2/24
                """);
        assertThat(lab.nodes()).hasSize(4);
    }

    @Test
    void theSameAddressOnOneSegmentIsRefusedAcrossABridge() {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> parse("""
                host
                  bridge br0
                node a
                  link e to br0 address 10.0.0.1/24
                node b
                  link e to br0 address 10.0.0.1/24
                """));
        assertThat(e.summaries()).containsExactly(
                "t.topo:6:25: address 10.0.0.1 is already used on this segment by 'a:e' (t.topo:4:25)");
    }

    @Test
    void interfacesAreListedInFileOrderAfterLo() {
        Lab lab = parse("node a\n  link z to b:y\n  bridge m\nnode b\n  link x to a:w\n");
        assertThat(lab.node("a").orElseThrow().interfaces()).extracting(NetInterface::name).containsExactly("lo", "z", "m", "w");
    }
}
