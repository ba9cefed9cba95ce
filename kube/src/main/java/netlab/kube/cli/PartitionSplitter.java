package netlab.kube.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.kube.LabParts;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.partition.parts.LabSplitter;
import netlab.partition.parts.Underlay;
import netlab.topology.Addresses;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import netlab.topology.write.TopologyWriter;

/**
 * netlab's own split ({@code netlab partition FILE --hosts K --write DIR} with its defaults: seed
 * 1, an underlay of 192.0.2.1 and on at MTU 1500) as the kube module takes it. The underlay
 * addresses are placeholders: the peers file maps each to its part's pod.
 */
final class PartitionSplitter implements FileSplitter {
    /** {@code partition}'s default seed: the same file splits the same way here and there. */
    static final long SEED = 1;

    @Override
    public LabParts split(Path file, int hosts) {
        Lab lab = TopologyReader.read(file);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), hosts, SEED);
        LabSplitter.requireEveryPartUsed(lab, partition);
        Underlay underlay = Underlay.of(List.of(InetAddress.ofLiteral(Underlay.DEFAULT_FIRST)), hosts, Underlay.DEFAULT_MTU);
        return new SplitLab(lab, partition, underlay);
    }

    private record SplitLab(Lab whole, Partition partition, Underlay underlay) implements LabParts {
        @Override
        public String lab() {
            return whole.name();
        }

        @Override
        public int parts() {
            return partition.parts();
        }

        @Override
        public int vniCount() {
            return LabSplitter.vniSpan(whole, partition);
        }

        @Override
        public List<String> placeholders() {
            return underlay.addresses().stream().map(Addresses::format).toList();
        }

        @Override
        public List<String> render(int vniBase) {
            List<String> files = new ArrayList<>();
            for (Lab part : LabSplitter.split(whole, partition, underlay, vniBase)) {
                files.add(TopologyWriter.write(part));
            }
            return files;
        }
    }
}
