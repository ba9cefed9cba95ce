package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NatRule;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.Source;
import netlab.topology.SysctlSetting;
import org.junit.jupiter.api.Test;

/** topologies/lan.topo, the default lab, read from disk and checked field by field. */
class LanTopologyTest {
    /** Tests run in src/; the topologies live at the top of the checkout. */
    static final Path LAN = Path.of("../topologies/lan.topo");
    static final String F = LAN.toString();

    static Cidr cidr(String text) throws Exception {
        String[] parts = text.split("/");
        return new Cidr(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
    }

    static Source at(int line, int column) {
        return new Source(F, line, column);
    }

    @Test
    void lanResolvesToTheExpectedModel() throws Exception {
        Lab lab = TopologyReader.read(LAN);

        assertThat(lab.name()).isEqualTo("lan");
        assertThat(lab.file()).isEqualTo(F);
        assertThat(lab.nodes()).extracting(Node::name).containsExactly("host", "ns1", "ns2");

        Node host = lab.host().orElseThrow();
        assertThat(host.source()).isEqualTo(at(4, 1));
        assertThat(host.interfaces()).containsExactly(
                new NetInterface.Loopback(List.of(), OptionalInt.empty(), at(4, 1)),
                new NetInterface.Bridge("br0", List.of(cidr("192.168.0.254/24")),
                        OptionalInt.empty(), Optional.empty(), at(5, 3)),
                new NetInterface.VethEnd("ns1-eth0", new Endpoint("ns1", "eth0"), false, Optional.of("br0"), List.of(),
                        OptionalInt.empty(), Optional.empty(), at(9, 16)),
                new NetInterface.VethEnd("ns2-eth0", new Endpoint("ns2", "eth0"), false, Optional.of("br0"), List.of(),
                        OptionalInt.empty(), Optional.empty(), at(12, 16)));
        assertThat(host.routes()).isEmpty();
        assertThat(host.neighbours()).isEmpty();
        assertThat(host.sysctls()).containsExactly(new SysctlSetting("net.ipv4.ip_forward", "1", at(6, 3)));
        assertThat(host.nat()).containsExactly(new NatRule(Optional.empty(), Optional.of(cidr("192.168.0.0/24")),
                Optional.of(cidr("192.168.0.0/24")), true, Optional.empty(), at(7, 3)));
        assertThat(host.nat().getFirst().isMasquerade()).isTrue();

        int line = 8;
        for (String name : List.of("ns1", "ns2")) {
            Node node = lab.node(name).orElseThrow();
            String address = name.equals("ns1") ? "192.168.0.1/24" : "192.168.0.2/24";
            assertThat(node.isHost()).isFalse();
            assertThat(node.source()).isEqualTo(at(line, 1));
            assertThat(node.interfaces()).containsExactly(
                    new NetInterface.Loopback(List.of(), OptionalInt.empty(), at(line, 1)),
                    new NetInterface.VethEnd("eth0", new Endpoint("host", name + "-eth0"), true, Optional.empty(),
                            List.of(cidr(address)), OptionalInt.empty(), Optional.empty(), at(line + 1, 3)));
            assertThat(node.routes()).containsExactly(new Route(cidr("0.0.0.0/0"),
                    Optional.of(InetAddress.getByName("192.168.0.254")), Optional.empty(), false, OptionalInt.empty(),
                    Optional.empty(), at(line + 2, 3)));
            assertThat(node.routes().getFirst().isDefault()).isTrue();
            assertThat(node.neighbours()).isEmpty();
            assertThat(node.sysctls()).isEmpty();
            assertThat(node.nat()).isEmpty();
            line += 3;
        }
        assertThat(lab.namespaces()).extracting(Node::name).containsExactly("ns1", "ns2");
    }
}
