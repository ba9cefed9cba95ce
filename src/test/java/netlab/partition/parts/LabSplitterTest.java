package netlab.partition.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.Macs;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.dsl.TopologyReader;
import netlab.topology.write.TopologyWriter;
import org.junit.jupiter.api.Test;

/**
 * A lab split into one lab per machine: every node placed once, every cut veth pair two vxlans
 * pointing at each other's machine with one VNI, every split bridge one copy and one vxlan per
 * machine, MTUs under what the underlay carries, and each part an ordinary file the reader takes.
 */
class LabSplitterTest {
    private static final Underlay UNDERLAY_3 = underlay(3, 1500);

    /** Routers in a ring (point-to-point links), a hub bridge in node sw with a port per router, hosts behind. */
    static String ringWithHub(int routers) {
        StringBuilder text = new StringBuilder("lab ring\nnode sw\n  bridge hub 10.99.0.254/24\n");
        for (int r = 1; r <= routers; r++) {
            int next = r % routers + 1;
            text.append("node r").append(r).append('\n')
                    .append("  link e").append(next).append(" to r").append(next).append(":w").append(r)
                    .append(" address 10.").append(r).append('.').append(next).append(".1/30\n")
                    .append("  link hub0 to sw:hub address 10.99.0.").append(r).append("/24\n")
                    .append("  link lan to h").append(r).append(":eth0 address 10.").append(100 + r).append(".0.1/24\n")
                    .append("  sysctl net.ipv4.ip_forward=1\n")
                    .append("node h").append(r).append('\n')
                    .append("  address eth0 10.").append(100 + r).append(".0.2/24\n")
                    .append("  route default via 10.").append(100 + r).append(".0.1\n");
        }
        // The far end of each ring link lives in the next router's block: give it its address there.
        StringBuilder fixed = new StringBuilder();
        for (String line : text.toString().split("\n")) {
            fixed.append(line).append('\n');
            if (line.startsWith("node r")) {
                int r = Integer.parseInt(line.substring(6));
                int previous = (r + routers - 2) % routers + 1;
                fixed.append("  address w").append(previous).append(" 10.").append(previous).append('.').append(r)
                        .append(".2/30\n");
            }
        }
        return fixed.toString();
    }

    @Test
    void everyNodeOnceEveryCutPairTwoVxlansOfOneVniPointingAtEachOther() {
        Lab lab = TopologyReader.parse("ring.topo", ringWithHub(12));
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 3, 1);
        List<Lab> parts = LabSplitter.split(lab, partition, UNDERLAY_3, 5000);

        Map<String, Integer> partOf = partition.partOfNode();
        // Every node of the lab is in its own part; elsewhere only sw, holding a copy of its bridge.
        for (int p = 0; p < parts.size(); p++) {
            for (Node node : parts.get(p).nodes()) {
                if (partOf.get(node.name()) != p) {
                    assertThat(node.name()).isEqualTo("sw");
                    assertThat(node.interfaces()).extracting(NetInterface::name).contains("hub");
                }
            }
        }
        assertThat(parts.stream().flatMap(p -> p.nodes().stream()).map(Node::name).filter(n -> !n.equals("sw")))
                .doesNotHaveDuplicates().hasSize(lab.nodes().size() - 1);

        // Each cut veth pair: both ends vxlans with one VNI, each towards the other end's machine.
        int cutPairs = 0;
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.VethEnd end && end.creator() && end.master().isEmpty()
                        && !partOf.get(node.name()).equals(partOf.get(end.peer().node()))
                        && !end.peer().node().equals("sw")) {
                    cutPairs++;
                    NetInterface.Vxlan near = vxlan(parts, partOf, new Endpoint(node.name(), end.name()));
                    NetInterface.Vxlan far = vxlan(parts, partOf, end.peer());
                    assertThat(near.vni()).isEqualTo(far.vni());
                    assertThat(near.remotes()).containsExactly(UNDERLAY_3.of(partOf.get(end.peer().node())));
                    assertThat(far.remotes()).containsExactly(UNDERLAY_3.of(partOf.get(node.name())));
                    assertThat(near.machine()).isTrue();
                    assertThat(near.addresses()).isEqualTo(end.addresses());
                    assertThat(near.mtu()).hasValue(1450);
                }
            }
        }
        assertThat(cutPairs).isEqualTo(partition.cutLinks()).isPositive();

        // Every VNI used by exactly one cut pair (two devices) or one segment (a device per machine).
        Map<Integer, Integer> devicesPerVni = new HashMap<>();
        parts.forEach(p -> vxlans(p).forEach(v -> devicesPerVni.merge(v.vni(), 1, Integer::sum)));
        assertThat(devicesPerVni).hasSize(LabSplitter.vnisNeeded(lab, partition));
        assertThat(devicesPerVni.keySet()).allMatch(vni -> vni >= 5000 && vni < 5000 + devicesPerVni.size());
    }

    @Test
    void eachPartIsAFileTheReaderTakesAndThatWritesBackTheSame() {
        Lab lab = TopologyReader.parse("ring.topo", ringWithHub(12));
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 3, 1);
        for (Lab part : LabSplitter.split(lab, partition, UNDERLAY_3, 5000)) {
            String text = TopologyWriter.write(part);
            Lab read = TopologyReader.parse("part.topo", text);
            assertThat(TopologyWriter.write(read)).isEqualTo(text);
        }
    }

    @Test
    void aSplitBridgeIsOneCopyAndOneVxlanPerMachineItsPortsUnderTheTunnelsMtu() {
        Lab star = TopologyReader.parse("star.topo", netlab.partition.StarPartitionTestAccess.star(2000));
        Partition partition = Partitioner.partition(PartitionGraph.of(star), 4, 1);
        Underlay underlay = underlay(4, 1500);
        List<Lab> parts = LabSplitter.split(star, partition, underlay, 8192);

        List<NetInterface.Vxlan> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(vxlans(p)));
        // Two bridges of 1000 ports over four machines: 2 + 3 copies, so five devices, not thousands.
        assertThat(all).hasSize(5);
        assertThat(all).extracting(NetInterface.Vxlan::vni).containsOnly(8192, 8193);
        for (int p = 0; p < parts.size(); p++) {
            for (NetInterface.Vxlan vxlan : vxlans(parts.get(p))) {
                Set<InetAddress> others = new HashSet<>(vxlan.remotes());
                assertThat(others).doesNotContain(underlay.of(p)).hasSize(vxlan.remotes().size());
                assertThat(vxlan.master()).isPresent();
            }
            Mtus mtus = Mtus.of(parts.get(p));
            for (Node node : parts.get(p).nodes()) {
                for (NetInterface i : node.interfaces()) {
                    if (!(i instanceof NetInterface.Loopback)) {
                        assertThat(mtus.mtu(new Endpoint(node.name(), i.name())).getAsInt())
                                .as("%s:%s in part %d", node.name(), i.name(), p).isLessThanOrEqualTo(1450);
                    }
                }
            }
        }
    }

    @Test
    void aJumboUnderlayLeavesTheLabsMtus() {
        Lab lab = TopologyReader.parse("ring.topo", ringWithHub(6));
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 3, 1);
        for (Lab part : LabSplitter.split(lab, partition, underlay(3, 9000), 5000)) {
            assertThat(vxlans(part)).allSatisfy(v -> assertThat(v.mtu()).hasValue(1500));
        }
    }

    /** A part cannot look up the far end of a cut link: its {@code lladdr peer} is written out, as the lab's MAC. */
    @Test
    void lladdrPeerOnACutLinkBecomesTheFarEndsMacAndThePartsReadBack() {
        Lab lab = TopologyReader.parse("pair.topo", """
                node a
                  link eth0 to b:eth0 address 10.91.0.1/30
                  neigh 10.91.0.2 dev eth0 lladdr peer
                node b
                  address eth0 10.91.0.2/30
                  neigh 10.91.0.1 dev eth0 lladdr peer
                """);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 2, 1);
        Macs macs = Macs.of(lab);

        List<Lab> parts = LabSplitter.split(lab, partition, underlay(2, 1500), 5000);

        for (String node : List.of("a", "b")) {
            Lab part = parts.get(partition.partOfNode().get(node));
            String other = node.equals("a") ? "b" : "a";
            assertThat(part.node(node).orElseThrow().neighbours()).singleElement()
                    .satisfies(n -> assertThat(n.lladdr()).hasValue(macs.mac(other, "eth0")));
            Lab reread = TopologyReader.parse("part.topo", TopologyWriter.write(part));
            assertThat(reread.node(node).orElseThrow().neighbours().getFirst().lladdr())
                    .hasValue(macs.mac(other, "eth0"));
            assertThat(Macs.of(reread).mac(node, "eth0")).isEqualTo(macs.mac(node, "eth0"));
        }
    }

    private static Underlay underlay(int parts, int mtu) {
        return Underlay.of(List.of(InetAddress.ofLiteral("192.0.2.1")), parts, mtu);
    }

    private static List<NetInterface.Vxlan> vxlans(Lab part) {
        return part.nodes().stream().flatMap(n -> n.interfaces().stream())
                .filter(i -> i instanceof NetInterface.Vxlan).map(i -> (NetInterface.Vxlan) i).toList();
    }

    private static NetInterface.Vxlan vxlan(List<Lab> parts, Map<String, Integer> partOf, Endpoint endpoint) {
        NetInterface found = parts.get(partOf.get(endpoint.node())).node(endpoint.node()).orElseThrow()
                .netInterface(endpoint.interfaceName()).orElseThrow();
        assertThat(found).as(endpoint.toString()).isInstanceOf(NetInterface.Vxlan.class);
        return (NetInterface.Vxlan) found;
    }
}
