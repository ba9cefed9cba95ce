package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NatRule;
import netlab.topology.Neighbour;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.SysctlSetting;
import org.junit.jupiter.api.Test;

/** topologies/aws-secondary-ip.topo resolves cleanly and holds what the seed document sets up. */
class AwsSecondaryIpTopologyTest {
    static Cidr cidr(String text) throws Exception {
        String[] parts = text.split("/");
        return new Cidr(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
    }

    @Test
    void resolvesWithTheDocumentsSetup() throws Exception {
        Lab lab = TopologyReader.read(Path.of("../topologies/aws-secondary-ip.topo"));

        assertThat(lab.name()).isEqualTo("aws-secondary-ip");
        assertThat(lab.nodes()).extracting(Node::name)
                .containsExactly("vpc", "internet", "foo", "container-foo", "bar", "container-bar");
        assertThat(lab.node("vpc").orElseThrow().netInterface("subnet").orElseThrow().addresses())
                .containsExactly(cidr("172.31.32.1/20"));
        assertThat(lab.node("internet").orElseThrow().netInterface("lo").orElseThrow().addresses())
                .containsExactly(cidr("8.8.8.8/32"));

        for (String[] instance : new String[][] {{"foo", "172.31.37.209", "172.31.37.240"},
                {"bar", "172.31.43.37", "172.31.37.27"}}) {
            String name = instance[0];
            Node node = lab.node(name).orElseThrow();
            Node container = lab.node("container-" + name).orElseThrow();
            assertThat(node.netInterface("ens5").orElseThrow()).isInstanceOfSatisfying(NetInterface.VethEnd.class, e -> {
                assertThat(e.peer()).isEqualTo(new Endpoint("vpc", name + "-ens5"));
                assertThat(e.addresses()).containsExactly(cidrUnchecked(instance[1] + "/20"));
            });
            assertThat(node.netInterface("veth_host_" + name).orElseThrow()).isInstanceOfSatisfying(
                    NetInterface.VethEnd.class, e -> assertThat(e.peer()).isEqualTo(
                            new Endpoint("container-" + name, "veth_guest_" + name)));
            assertThat(node.routes()).extracting(Route::destination, Route::dev).contains(
                    org.assertj.core.groups.Tuple.tuple(cidr(instance[2] + "/32"), Optional.of("veth_host_" + name)));
            assertThat(node.sysctls()).extracting(SysctlSetting::key, SysctlSetting::value).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("net.ipv4.ip_forward", "1"),
                    org.assertj.core.groups.Tuple.tuple("net.ipv4.conf.ens5.proxy_arp", "1"),
                    org.assertj.core.groups.Tuple.tuple("net.ipv4.neigh.ens5.proxy_delay", "0"));

            String guest = "veth_guest_" + name;
            assertThat(container.netInterface(guest).orElseThrow().addresses()).containsExactly(cidr(instance[2] + "/32"));
            assertThat(container.routes()).extracting(Route::destination, Route::via, Route::dev).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(cidr("172.31.32.1/32"), Optional.empty(), Optional.of(guest)),
                    org.assertj.core.groups.Tuple.tuple(cidr("0.0.0.0/0"),
                            Optional.of(InetAddress.getByName("172.31.32.1")), Optional.of(guest)));
            assertThat(container.neighbours()).extracting(Neighbour::address, Neighbour::dev, Neighbour::usesPeerMac)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(InetAddress.getByName("172.31.32.1"), guest, true));
        }
    }

    @Test
    void onlyFooHasTheDocumentsSnatRule() throws Exception {
        Lab lab = TopologyReader.read(Path.of("../topologies/aws-secondary-ip.topo"));

        assertThat(lab.node("foo").orElseThrow().nat()).singleElement().satisfies(snat -> {
            assertThat(snat.snatTo()).contains(InetAddress.getByName("172.31.37.209"));
            assertThat(snat.src()).isEmpty();
            assertThat(snat.dst()).contains(cidr("172.31.0.0/16"));
            assertThat(snat.dstNegated()).isTrue();
            assertThat(snat.out()).contains("ens5");
        });
        assertThat(lab.node("bar").orElseThrow().nat()).isEmpty();
        // The internet gateway: each primary IP, and nothing else, to its public IP.
        assertThat(lab.node("vpc").orElseThrow().nat()).extracting(NatRule::src, NatRule::snatTo, NatRule::out)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Optional.of(cidr("172.31.37.209/32")),
                                Optional.of(InetAddress.getByName("198.51.100.209")), Optional.of("wan")),
                        org.assertj.core.groups.Tuple.tuple(Optional.of(cidr("172.31.43.37/32")),
                                Optional.of(InetAddress.getByName("198.51.100.37")), Optional.of("wan")));
    }

    private static Cidr cidrUnchecked(String text) {
        try {
            return cidr(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
