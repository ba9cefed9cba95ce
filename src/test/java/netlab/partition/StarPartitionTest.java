package netlab.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/** The example: star-2000 (two bridges of 1000 ports in the host) over 4 machines. */
class StarPartitionTest {
    private static final Lab STAR = TopologyReader.parse("star.topo", star(2000));

    /** The benchmark's star-N: blocks of 1000 nodes, a bridge each, in the host. */
    static String star(int n) {
        StringBuilder text = new StringBuilder("lab star\nhost\n");
        for (int block = 0; block * 1000 < n; block++) {
            text.append("  bridge br").append(block).append(" 10.").append(block).append(".255.254/16\n");
        }
        for (int i = 1; i <= n; i++) {
            int block = (i - 1) / 1000;
            int host = (i - 1) % 1000 + 1;
            text.append("node h").append(i).append("\n  link eth0 to host:br").append(block).append(" address 10.")
                    .append(block).append('.').append(host / 250).append('.').append(host % 250 + 1).append("/16\n")
                    .append("  route default via 10.").append(block).append(".255.254\n");
        }
        return text.toString();
    }

    @Test
    void eachBridgeIsCopiedOncePerMachineItReachesNotOncePerPort() {
        PartitionGraph graph = PartitionGraph.of(STAR);
        for (long seed = 1; seed <= 10; seed++) {
            Partition partition = Partitioner.partition(graph, 4, seed);

            Map<String, Integer> bridges = partition.splitBridges();
            int copies = bridges.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(partition.cutLinks()).isZero();
            // Two bridges whose 2000 ports fill four machines: 2 + 3 copies, one VXLAN device each.
            assertThat(copies).as("seed %d", seed).isEqualTo(5);
            assertThat(partition.cut()).isEqualTo(copies - bridges.size());
            assertThat(partition.imbalance()).isLessThanOrEqualTo(Partitioner.BALANCE);
            assertThat(partition.partOfNode().get("host")).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        PartitionGraph graph = PartitionGraph.of(STAR);

        assertThat(Partitioner.partition(graph, 4, 7).partOfNode())
                .isEqualTo(Partitioner.partition(graph, 4, 7).partOfNode());
    }

    @Test
    void oneMachineCutsNothing() {
        Partition partition = Partitioner.partition(PartitionGraph.of(STAR), 1, 1);

        assertThat(partition.cut()).isZero();
        assertThat(partition.partOfNode().values()).containsOnly(0);
    }
}
