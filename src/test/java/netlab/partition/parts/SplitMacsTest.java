package netlab.partition.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.partition.StarPartitionTestAccess;
import netlab.plan.Operation;
import netlab.plan.Planner;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.Macs;
import netlab.topology.NetInterface;
import netlab.topology.dsl.TopologyReader;
import netlab.topology.write.TopologyWriter;
import org.junit.jupiter.api.Test;

/**
 * The MACs of a lab split over machines, as each machine plans its part from its file: no two
 * interfaces of all the parts share one (the parts of a split bridge are one Ethernet segment),
 * and every interface the lab has keeps the lab's own MAC in its own node, wherever that node's
 * part runs, so addresses, neighbour entries and the lab's other machines see what the file
 * described. Only what the split adds differs: a bridge's copy on another machine, and each
 * machine's vxlan port of a split bridge.
 */
class SplitMacsTest {
    @Test
    void theLanOverTwoMachines() throws Exception {
        String lan = Files.readString(Path.of("../topologies/lan.topo"));
        assertOneMacEachAndTheLabsOwn(TopologyReader.parse("lan.topo", lan), 2);
    }

    @Test
    void theLanWithMacsItGivesOverTwoMachines() throws Exception {
        String lan = Files.readString(Path.of("../topologies/lan.topo"))
                .replace("  sysctl net.ipv4.ip_forward=1\n", "  sysctl net.ipv4.ip_forward=1\n  mac br0 02:00:00:00:0a:01\n")
                .replace("node ns2\n", "node ns2\n  mac eth0 00:16:3e:00:0a:02\n");
        Lab lab = TopologyReader.parse("lan.topo", lan);
        assertThat(lab.host().orElseThrow().netInterface("br0").orElseThrow().mac()).isPresent();
        assertOneMacEachAndTheLabsOwn(lab, 2);
    }

    @Test
    void aRingOfRoutersWithAHubOverThreeAndFourMachines() {
        Lab ring = TopologyReader.parse("ring.topo", LabSplitterTest.ringWithHub(12));
        assertOneMacEachAndTheLabsOwn(ring, 3);
        assertOneMacEachAndTheLabsOwn(ring, 4);
    }

    @Test
    void aRingWhoseLinksHaveMacsTheFileGivesKeepsThemOnEachSideOfACut() {
        StringBuilder ring = new StringBuilder();
        for (String line : LabSplitterTest.ringWithHub(12).split("\n")) {
            ring.append(line).append('\n');
            if (line.matches("  link e\\d+ to r\\d+:w\\d+ .*")) {
                int router = Integer.parseInt(line.replaceAll(".*:w(\\d+) .*", "$1"));
                ring.append(String.format("  mac %s 02:00:00:00:0b:%02x%n", line.split(" ")[3], router));
            }
        }
        Lab lab = TopologyReader.parse("ring.topo", ring.toString());
        assertThat(lab.node("r1").orElseThrow().netInterface("e2").orElseThrow().mac()).contains("02:00:00:00:0b:01");
        for (int machines : new int[] {3, 4}) {
            assertThat(Partitioner.partition(PartitionGraph.of(lab), machines, 1).cutLinks()).isPositive();
            assertOneMacEachAndTheLabsOwn(lab, machines);
        }
    }

    @Test
    void starsOverThreeAndFourMachines() {
        assertOneMacEachAndTheLabsOwn(TopologyReader.parse("star.topo", StarPartitionTestAccess.star(300)), 3);
        assertOneMacEachAndTheLabsOwn(TopologyReader.parse("star.topo", StarPartitionTestAccess.star(2000)), 4);
    }

    /**
     * The lab gives h-k's eth0 the MAC r1's lan would be derived, so the lab hashes r1's again; the
     * machine of r1, which does not hold h-k, would derive the first one: the split writes the
     * lab's out for it.
     */
    @Test
    void aMacTheLabHashedAgainIsWrittenForTheMachineThatCannotSeeWhy() {
        String ring = LabSplitterTest.ringWithHub(12);
        String first = Macs.of(TopologyReader.parse("ring.topo", ring)).mac("r1", "lan");
        Map<String, Integer> partOf = Partitioner.partition(PartitionGraph.of(TopologyReader.parse("ring.topo", ring)), 3, 1)
                .partOfNode();
        String other = partOf.keySet().stream().filter(n -> n.startsWith("h") && !partOf.get(n).equals(partOf.get("r1")))
                .findFirst().orElseThrow();
        Lab lab = TopologyReader.parse("ring.topo", ring.replace("node " + other + "\n", "node " + other + "\n  mac eth0 "
                + first + "\n"));
        String own = Macs.of(lab).mac("r1", "lan");
        assertThat(own).isNotEqualTo(first);
        Map<String, Integer> split = Partitioner.partition(PartitionGraph.of(lab), 3, 1).partOfNode();
        assertThat(split.get("r1")).isNotEqualTo(split.get(other));

        List<Lab> parts = assertOneMacEachAndTheLabsOwn(lab, 3);

        assertThat(parts.get(split.get("r1")).node("r1").orElseThrow().netInterface("lan").orElseThrow().mac())
                .contains(own);
    }

    private static List<Lab> assertOneMacEachAndTheLabsOwn(Lab lab, int machines) {
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), machines, 1);
        assertThat(partition.splitBridges()).as("a bridge over several machines").isNotEmpty();
        Underlay underlay = Underlay.of(List.of(InetAddress.ofLiteral("192.0.2.1")), machines, 1500);
        List<Lab> parts = LabSplitter.split(lab, partition, underlay, 5000);
        Map<Endpoint, String> whole = macs(lab);
        Map<String, Integer> home = partition.partOfNode();

        Map<String, String> owners = new LinkedHashMap<>();
        List<String> shared = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            // As the machine gets it: the part's file, read and planned there.
            Lab part = TopologyReader.parse("part" + p + ".topo", TopologyWriter.write(parts.get(p)));
            for (Map.Entry<Endpoint, String> entry : macs(part).entrySet()) {
                Endpoint endpoint = entry.getKey();
                String where = "part " + p + " " + endpoint;
                String first = owners.putIfAbsent(entry.getValue(), where);
                if (first != null) {
                    shared.add(entry.getValue() + ": " + first + " and " + where);
                }
                boolean copy = home.get(endpoint.node()) != p && part.node(endpoint.node()).orElseThrow()
                        .netInterface(endpoint.interfaceName()).orElseThrow() instanceof NetInterface.Bridge;
                String own = whole.get(endpoint);
                if (own != null && !copy && !own.equals(entry.getValue())) {
                    changed.add(where + ": " + entry.getValue() + ", in the lab " + own);
                }
            }
        }
        String split = lab.name() + " over " + machines;
        assertThat(shared).as(split + ": MACs of two interfaces").isEmpty();
        assertThat(changed).as(split + ": MACs not the lab's own").isEmpty();
        assertThat(owners).as(split + ": every interface of the lab, and the copies and vxlans the split adds")
                .hasSize(whole.size() + 2 * partition.splitBridges().values().stream().mapToInt(n -> n).sum()
                        - partition.splitBridges().size());
        return parts;
    }

    /** The MAC of every interface the plan of {@code lab} creates, as its steps carry them. */
    private static Map<Endpoint, String> macs(Lab lab) {
        Map<Endpoint, String> macs = new LinkedHashMap<>();
        for (Operation step : Planner.plan(lab).operations()) {
            switch (step) {
                case Operation.CreateBridge b -> macs.put(new Endpoint(b.node(), b.name()), b.mac());
                case Operation.CreateVeth v -> {
                    macs.put(new Endpoint(v.node(), v.name()), v.mac());
                    macs.put(new Endpoint(v.peerNode(), v.peerName()), v.peerMac());
                }
                case Operation.CreateMacvlan m -> macs.put(new Endpoint(m.targetNode(), m.name()), m.mac());
                case Operation.CreateVxlan v -> macs.put(new Endpoint(v.node(), v.name()), v.mac());
                default -> {}
            }
        }
        return macs;
    }
}
