package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.topology.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "partition", description = "Split a lab over K machines: which node goes where, and what the split costs. Changes nothing.")
final class PartitionCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The topology file (.topo).")
    Path file;

    @Option(names = "--hosts", paramLabel = "K", required = true, description = "How many machines (parts).")
    int hosts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The seed of the split's choices (default: ${DEFAULT-VALUE}); the same seed, the same split.")
    long seed;

    /**
     * The most machines a split may have: the refinement's time grows with the machines times
     * the nodes squared (star-2000 over 64 machines: ~2 s; over 256: ~12 s; far more: hours).
     */
    static final int MAX_HOSTS = 64;

    @Override
    public void run() {
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new ParameterException(spec.commandLine(), "--hosts must be 1.." + MAX_HOSTS + ", not " + hosts);
        }
        Lab lab = Labs.read(file);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), hosts, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(lab, partition, seed));
        out.flush();
    }

    /** The split as text: the parts, the cut, then each node's part, a line each. */
    static String report(Lab lab, Partition partition, long seed) {
        StringBuilder text = new StringBuilder();
        text.append("lab ").append(lab.name()).append(" over ").append(partition.parts()).append(" hosts (seed ")
                .append(seed).append(")\n");
        int[] weights = partition.partWeights();
        int[] nodes = new int[partition.parts()];
        partition.partOfNode().values().forEach(p -> nodes[p]++);
        double average = partition.graph().totalWeight() / (double) partition.parts();
        for (int p = 0; p < partition.parts(); p++) {
            text.append(String.format(Locale.ROOT, "  part %d: %d node%s, weight %d (%+.1f %%)%n", p, nodes[p],
                    nodes[p] == 1 ? "" : "s", weights[p], (weights[p] / average - 1) * 100));
        }
        text.append("  cut: ").append(partition.cut()).append(" (veth links across hosts: ").append(partition.cutLinks());
        Map<String, Integer> bridges = partition.splitBridges();
        text.append("; bridges split: ").append(bridges.isEmpty() ? "none" : String.join(", ",
                bridges.entrySet().stream().map(b -> b.getKey() + " in " + b.getValue() + " copies").toList()));
        text.append(")\nnodes:\n");
        partition.partOfNode().forEach((node, part) -> text.append("  ").append(node).append(' ').append(part).append('\n'));
        return text.toString();
    }
}
