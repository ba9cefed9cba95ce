package netlab.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random labs (veth links between nodes, bridges with ports from other nodes, macvlans on other
 * nodes' interfaces, sometimes a host block with a bridge), split over 1 to 5 machines: every
 * node is placed once, the cut is what the lab's own links and bridges say it is, the
 * constraints hold, no part is over the limit, and the same seed gives the same split.
 */
class PartitionPropertiesTest {
    /** The weight limit lets two nodes share a machine; the split still uses both machines. */
    @Test
    void twoLinkedNodesOverTwoMachinesTakeOneEach() {
        Lab lab = TopologyReader.parse("pair.topo", "node a\n  link eth0 to b:eth0\nnode b\n");

        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 2, 1);

        assertThat(partition.partOfNode()).containsOnlyKeys("a", "b");
        assertThat(partition.partOfNode().get("a")).isNotEqualTo(partition.partOfNode().get("b"));
        assertThat(partition.cutLinks()).isEqualTo(1);
    }

    @RepeatedTest(60)
    void everySplitKeepsItsPromises(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Lab lab = TopologyReader.parse("random.topo", randomLab(random));
        int parts = 1 + random.nextInt(5);
        long seed = random.nextLong();
        PartitionGraph graph = PartitionGraph.of(lab);

        Partition partition = Partitioner.partition(graph, parts, seed);

        Map<String, Integer> part = partition.partOfNode();
        assertThat(part.keySet()).containsExactlyInAnyOrderElementsOf(lab.nodes().stream().map(Node::name).toList());
        assertThat(part.values()).allMatch(p -> p >= 0 && p < parts);
        assertThat(part.values().stream().distinct().count()).as("parts in use")
                .isEqualTo(Math.min(parts, graph.vertexCount()));
        Recount recount = recount(lab, part);
        assertThat(partition.cut()).isEqualTo(recount.cut());
        assertThat(partition.cutLinks()).isEqualTo(recount.cutLinks());
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.Macvlan macvlan) {
                    assertThat(part.get(node.name())).isEqualTo(part.get(macvlan.parent().node()));
                }
            }
        }
        if (lab.host().isPresent()) {
            assertThat(part.get(Node.HOST)).isZero();
        }
        assertThat(java.util.Arrays.stream(partition.partWeights()).max().orElse(0))
                .isLessThanOrEqualTo(Partitioner.weightLimit(graph, parts));
        assertThat(Partitioner.partition(graph, parts, seed).partOfNode()).isEqualTo(part);
    }

    private record Recount(int cut, int cutLinks) {}

    /** The cost of a split counted from the lab itself: each cut pair once, each bridge its extra copies. */
    private static Recount recount(Lab lab, Map<String, Integer> part) {
        int cut = 0;
        int cutLinks = 0;
        Map<Endpoint, Set<Integer>> bridgeParts = new LinkedHashMap<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.Bridge bridge) {
                    bridgeParts.computeIfAbsent(new Endpoint(node.name(), bridge.name()), b -> new LinkedHashSet<>())
                            .add(part.get(node.name()));
                }
            }
        }
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (!(i instanceof NetInterface.VethEnd end) || !end.creator()) {
                    continue;
                }
                NetInterface.VethEnd peer = (NetInterface.VethEnd) lab.node(end.peer().node()).orElseThrow()
                        .netInterface(end.peer().interfaceName()).orElseThrow();
                if (end.master().isPresent() != peer.master().isPresent()) {
                    NetInterface.VethEnd port = end.master().isPresent() ? end : peer;
                    String portNode = port == end ? node.name() : end.peer().node();
                    String farNode = port == end ? end.peer().node() : node.name();
                    bridgeParts.get(new Endpoint(portNode, port.master().orElseThrow())).add(part.get(farNode));
                } else if (!part.get(node.name()).equals(part.get(end.peer().node()))) {
                    cut++;
                    cutLinks++;
                }
            }
        }
        for (Set<Integer> parts : bridgeParts.values()) {
            cut += parts.size() - 1;
        }
        return new Recount(cut, cutLinks);
    }

    /** A valid lab of 2 to 60 nodes, drawn from {@code random}. */
    static String randomLab(Random random) {
        int nodes = 2 + random.nextInt(59);
        boolean host = random.nextBoolean();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        Map<String, Integer> nextInterface = new HashMap<>();
        List<String> bridges = new ArrayList<>(); // NODE:BR
        List<String> plainEnds = new ArrayList<>(); // NODE:IF of veth ends that are no bridge port
        if (host) {
            blocks.put(Node.HOST, new ArrayList<>(List.of("bridge hb0")));
            bridges.add("host:hb0");
        }
        for (int n = 0; n < nodes; n++) {
            List<String> block = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                block.add("bridge b0");
                bridges.add("n" + n + ":b0");
            }
            blocks.put("n" + n, block);
        }
        List<String> names = new ArrayList<>(blocks.keySet());
        names.remove(Node.HOST);
        int links = nodes + random.nextInt(2 * nodes);
        for (int l = 0; l < links; l++) {
            String from = names.get(random.nextInt(names.size()));
            String here = "e" + nextInterface.merge(from, 1, Integer::sum);
            if (!bridges.isEmpty() && random.nextInt(3) == 0) {
                String bridge = bridges.get(random.nextInt(bridges.size()));
                blocks.get(from).add("link " + here + " to " + bridge);
            } else {
                String to = names.get(random.nextInt(names.size()));
                if (to.equals(from)) {
                    continue;
                }
                String there = "e" + nextInterface.merge(to, 1, Integer::sum);
                blocks.get(from).add("link " + here + " to " + to + ":" + there);
                plainEnds.add(to + ":" + there);
            }
            plainEnds.add(from + ":" + here);
        }
        int macvlans = random.nextInt(1 + nodes / 10);
        for (int m = 0; m < macvlans && !plainEnds.isEmpty(); m++) {
            String node = names.get(random.nextInt(names.size()));
            blocks.get(node).add("macvlan mv" + m + " on " + plainEnds.get(random.nextInt(plainEnds.size())));
        }
        StringBuilder text = new StringBuilder("lab random\n");
        blocks.forEach((name, statements) -> {
            text.append(name.equals(Node.HOST) ? "host" : "node " + name).append('\n');
            statements.forEach(s -> text.append("  ").append(s).append('\n'));
        });
        return text.toString();
    }
}
