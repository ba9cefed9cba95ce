package netlab.topology.dsl;

import static netlab.topology.dsl.StatementTest.iface;
import static netlab.topology.dsl.StatementTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netlab.plan.Operation;
import netlab.plan.Planner;
import netlab.topology.Lab;
import netlab.topology.Macs;
import netlab.topology.Node;
import netlab.topology.NetInterface;
import org.junit.jupiter.api.Test;

/**
 * {@code mac IF MAC}: the MAC of an interface the lab makes, in the model and in the plan, where
 * the derived one would be. Its errors are in topologies/broken/mac-*.topo.
 */
class MacStatementTest {
    private static final String EVERY_KIND = """
            host
              bridge br0
              mac br0 02:00:00:00:01:01
              mac ns1-eth0 02:00:00:00:01:02
            node ns1
              link eth0 to br0
              link p0 to ns2:p0
              mac eth0 02:00:00:00:01:03
              mac p0 02:00:00:00:01:04
              macvlan mv0 on host:br0
              mac mv0 02:00:00:00:01:05
              vxlan vx0 vni 7 remote 192.0.2.2
              mac vx0 02:00:00:00:01:06
            node ns2
              mac p0 00:16:3E:AB:CD:EF
            """;

    @Test
    void everyKindTheLabMakesTakesOneInItsOwnNodesBlockLowerCase() {
        Lab lab = parse(EVERY_KIND);
        assertThat(iface(lab, "host", "br0").mac()).contains("02:00:00:00:01:01");
        assertThat(iface(lab, "host", "ns1-eth0").mac()).as("a bridge port, in the bridge's node").contains("02:00:00:00:01:02");
        assertThat(iface(lab, "ns1", "eth0").mac()).contains("02:00:00:00:01:03");
        assertThat(iface(lab, "ns1", "p0").mac()).as("the creator's end").contains("02:00:00:00:01:04");
        assertThat(iface(lab, "ns1", "mv0").mac()).contains("02:00:00:00:01:05");
        assertThat(iface(lab, "ns1", "vx0").mac()).contains("02:00:00:00:01:06");
        assertThat(iface(lab, "ns2", "p0").mac()).as("the far end, globally administered").contains("00:16:3e:ab:cd:ef");
        assertThat(iface(lab, "ns1", "lo").mac()).isEmpty();
    }

    @Test
    void thePlanCreatesEachWithItsGivenMac() {
        List<Operation> steps = Planner.plan(parse(EVERY_KIND)).operations();
        assertThat(steps).filteredOn(s -> s instanceof Operation.CreateBridge).singleElement()
                .extracting(s -> ((Operation.CreateBridge) s).mac()).isEqualTo("02:00:00:00:01:01");
        assertThat(steps).filteredOn(s -> s instanceof Operation.CreateVeth)
                .extracting(s -> ((Operation.CreateVeth) s).name() + " " + ((Operation.CreateVeth) s).mac() + " "
                        + ((Operation.CreateVeth) s).peerName() + " " + ((Operation.CreateVeth) s).peerMac())
                .containsExactly("ns1-eth0 02:00:00:00:01:02 eth0 02:00:00:00:01:03",
                        "p0 02:00:00:00:01:04 p0 00:16:3e:ab:cd:ef");
        assertThat(steps).filteredOn(s -> s instanceof Operation.CreateMacvlan).singleElement()
                .extracting(s -> ((Operation.CreateMacvlan) s).mac()).isEqualTo("02:00:00:00:01:05");
        assertThat(steps).filteredOn(s -> s instanceof Operation.CreateVxlan).singleElement()
                .extracting(s -> ((Operation.CreateVxlan) s).mac()).isEqualTo("02:00:00:00:01:06");
    }

    @Test
    void lladdrPeerIsThePeersGivenMac() {
        Lab lab = parse("""
                node ns1
                  link eth0 to ns2:eth0 address 10.0.0.1/30
                  neigh 10.0.0.2 dev eth0 lladdr peer
                node ns2
                  address eth0 10.0.0.2/30
                  mac eth0 02:00:00:00:02:02
                """);
        assertThat(Planner.plan(lab).operations()).filteredOn(s -> s instanceof Operation.AddNeighbour)
                .singleElement().extracting(s -> ((Operation.AddNeighbour) s).lladdr()).isEqualTo("02:00:00:00:02:02");
    }

    @Test
    void aDerivedMacNeverTakesAGivenOne() {
        String pair = "lab pair\nnode ns1\n  link eth0 to ns2:eth0\nnode ns2\n";
        String derived = Macs.of(parse(pair)).mac("ns2", "eth0");
        // ns1's end given the very MAC ns2's would be derived: ns2's hashes again.
        Lab lab = parse(pair.replace("node ns2", "  mac eth0 " + derived + "\nnode ns2"));
        Macs macs = Macs.of(lab);
        assertThat(macs.mac("ns1", "eth0")).isEqualTo(derived);
        assertThat(macs.mac("ns2", "eth0")).isNotEqualTo(derived).matches("[0-9a-f][26ae](:[0-9a-f]{2}){5}");
        assertThat(Planner.plan(lab).operations()).filteredOn(s -> s instanceof Operation.CreateVeth).singleElement()
                .satisfies(s -> assertThat(((Operation.CreateVeth) s).peerMac()).isEqualTo(macs.mac("ns2", "eth0")));
    }

    @Test
    void everyInterfaceOfALabWithGivenAndDerivedMacsHasItsOwn() {
        Lab lab = parse(EVERY_KIND + "  link eth1 to ns1:eth1\n  bridge br9\n  vxlan vx9 vni 9 remote 192.0.2.9\n");
        Macs macs = Macs.of(lab);
        Set<String> seen = new HashSet<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (!(i instanceof NetInterface.Loopback)) {
                    String mac = macs.mac(node.name(), i.name());
                    assertThat(seen.add(mac)).as("%s:%s has %s, a second time", node.name(), i.name(), mac).isTrue();
                    i.mac().ifPresent(given -> assertThat(mac).isEqualTo(given));
                }
            }
        }
        assertThat(seen).hasSize(11);
    }
}
