package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.topology.Macs;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * Which interfaces the plan gives a link-local address of netlab's own (a router's that carry
 * IPv6), and which the kernel is told to make none on: the address is the one the kernel would
 * make, and the rules follow the file.
 */
class LinkLocalsTest {
    @Test
    void theAddressIsTheOneTheKernelMakesFromTheMac() {
        // What Linux 6.18 made on veths with these MACs (ip -6 addr show, addrgenmode eui64).
        assertThat(LinkLocals.eui64("c8:e8:06:aa:18:d5")).hasToString("fe80::cae8:6ff:feaa:18d5/64");
        assertThat(LinkLocals.eui64("02:00:00:00:00:01")).hasToString("fe80::ff:fe00:1/64");
    }

    @Test
    void aRoutersIpv6InterfacesGetNetlabsOthersKeepTheKernelsAndTheRestGetNone() {
        Plan plan = plan("""
                node r
                  bridge lan 10.0.0.1/24 fd00::1/64
                  link v4 to x:eth0 address 10.1.0.1/24
                  link v6 to y:eth0
                  route fd00:6::/64 dev v6
                  sysctl net.ipv6.conf.all.forwarding=1
                node a
                  link eth0 to r:lan address 10.0.0.2/24 fd00::2/64
                node x
                  address eth0 10.1.0.2/24
                node y
                  neigh fe80::1 dev eth0 lladdr 02:00:00:00:00:01
                  sysctl net.ipv6.conf.eth0.forwarding=1
                node z
                  link eth0 to host:eth-z address fd00:9::2/64
                host
                  address eth-z fd00:9::1/64
                """);
        // r and y forward IPv6, and the host may: netlab's address on what carries IPv6 there.
        assertThat(linkLocals(plan)).containsExactly("r:lan", "r:v6", "y:eth0", "host:eth-z");
        // a and z do not: the kernel's own on their IPv6 interfaces. None at all on bridge ports
        // and IPv4 interfaces.
        assertThat(noAddressGeneration(plan)).containsExactly(
                "r:lan", "r:v4", "r:v6", "r:a-eth0", "x:eth0", "y:eth0", "host:eth-z");
    }

    @Test
    void aLabWithoutIpv6GetsNone() {
        Plan plan = plan("node a\n  link eth0 to b:eth0 address 10.0.0.1/24\nnode b\n  address eth0 10.0.0.2/24\n");
        assertThat(linkLocals(plan)).isEmpty();
        assertThat(noAddressGeneration(plan)).containsExactly("a:eth0", "b:eth0");
    }

    @Test
    void anInterfaceUnder1280BytesHasNoIpv6ToSwitchOff() {
        // addrgenmode on it would be EAFNOSUPPORT: the kernel drops IPv6 from it, and from the
        // macvlans and bridges whose MTU follows it.
        Plan plan = plan("""
                node a
                  bridge br
                  bridge small-ports
                  link small to b:eth0
                  mtu small 1000
                  macvlan mv on a:small
                  mtu c-eth1 1000
                node b
                  address eth0 fd00::2/64
                  sysctl net.ipv6.conf.all.forwarding=1
                node c
                  link eth0 to a:br
                  link eth1 to a:small-ports
                """);
        assertThat(noAddressGeneration(plan)).containsExactly("a:br", "a:c-eth0", "b:eth0", "c:eth0", "c:eth1");
        assertThat(linkLocals(plan)).containsExactly("b:eth0");
    }

    @Test
    void anAddressTheFileGivesIsNotAddedTwice() {
        String routers = "  sysctl net.ipv6.conf.all.forwarding=1\n";
        String text = "node a\n  link eth0 to b:eth0 address fd00::1/64\n" + routers
                + "node b\n  address eth0 fd00::2/64\n" + routers;
        Plan plan = plan(text);
        String mac = Macs.of(TopologyReader.parse("t.topo", "lab t\n" + text)).mac("a", "eth0");
        String own = LinkLocals.eui64(mac).toString();
        Plan again = plan("node a\n  link eth0 to b:eth0 address fd00::1/64 " + own + "\n" + routers
                + "node b\n  address eth0 fd00::2/64\n" + routers);
        assertThat(linkLocals(plan)).containsExactly("a:eth0", "b:eth0");
        assertThat(addresses(again, "a", "eth0")).containsExactly("fd00::1/64", own);
    }

    private static Plan plan(String text) {
        return Planner.plan(TopologyReader.parse("t.topo", "lab t\n" + text));
    }

    private static List<String> linkLocals(Plan plan) {
        return plan.operations().stream()
                .filter(o -> o instanceof Operation.AddAddress a && a.address().address().isLinkLocalAddress())
                .map(o -> (Operation.AddAddress) o)
                .map(a -> a.node() + ":" + a.interfaceName()).toList();
    }

    private static List<String> noAddressGeneration(Plan plan) {
        return plan.operations().stream()
                .filter(o -> o instanceof Operation.DisableIpv6LinkLocal)
                .map(o -> (Operation.DisableIpv6LinkLocal) o)
                .map(d -> d.node() + ":" + d.interfaceName()).toList();
    }

    private static List<String> addresses(Plan plan, String node, String name) {
        return plan.operations().stream()
                .filter(o -> o instanceof Operation.AddAddress a && a.node().equals(node) && a.interfaceName().equals(name))
                .map(o -> ((Operation.AddAddress) o).address().toString()).toList();
    }
}
