package netlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.partition.parts.LabSplitter;
import netlab.partition.parts.Underlay;
import netlab.topology.Lab;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import netlab.topology.dsl.IpText;
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

    @Option(names = "--write", paramLabel = "DIR", description = "Write each machine's part as a topology file, "
            + "DIR/LAB.pN.topo, its cut links and split bridges as vxlans over the machine (made if missing).")
    Path write;

    @Option(names = "--underlay", paramLabel = "ADDR[,ADDR...]", split = ",", description = "With --write: each "
            + "machine's address on the network between them, or the first one's and the rest follow "
            + "(default: " + Underlay.DEFAULT_FIRST + "; up --hold --peers maps them to the real ones).")
    List<String> underlay;

    @Option(names = "--underlay-mtu", paramLabel = "MTU", description = "With --write: the MTU of that network; a "
            + "tunnel carries 50 bytes less over IPv4, 70 over IPv6 (default: " + Underlay.DEFAULT_MTU + ").")
    Integer underlayMtu;

    @Option(names = "--vni-base", paramLabel = "N", description = "With --write: the first VNI (default: a block of "
            + "4096 chosen by the lab's name).")
    Integer vniBase;

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
        if (write == null && (underlay != null || underlayMtu != null || vniBase != null)) {
            throw new ParameterException(spec.commandLine(), "--underlay, --underlay-mtu and --vni-base go with --write");
        }
        if (write != null && write.toString().isEmpty()) {
            // an unset $DIR in a script: the current directory is not what was meant
            throw new ParameterException(spec.commandLine(), "--write takes a directory, not ''");
        }
        Lab lab = Labs.read(file);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), hosts, seed);
        PartFiles files = null;
        if (write != null) {
            Underlay machines = underlay();
            try {
                files = PartFiles.of(lab, partition, machines, vniBase, seed);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--write: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(lab, partition, seed));
        out.flush();
        if (files != null) {
            try {
                files.writeTo(write).forEach(out::println);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--write " + write + ": cannot write the parts ("
                        + IoReasons.of(e) + ")");
            }
        }
        out.flush();
    }

    private Underlay underlay() {
        int underlayMtu = this.underlayMtu == null ? Underlay.DEFAULT_MTU : this.underlayMtu;
        List<String> underlay = this.underlay == null ? List.of(Underlay.DEFAULT_FIRST) : this.underlay;
        if (underlay.isEmpty()) {
            // picocli splits "--underlay ," into nothing at all
            throw new ParameterException(spec.commandLine(), "--underlay takes addresses, not none");
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String text : underlay) {
            // The language's own reading: no octal-looking 010.0.0.1, no short 10.1, no zone.
            InetAddress address = IpText.parse(text);
            if (address == null) {
                throw new ParameterException(spec.commandLine(), "--underlay takes addresses, not '" + text + "'");
            }
            addresses.add(address);
        }
        // A tunnel carries the underlay's MTU less its headers; under 1280 the kernel takes IPv6 off it.
        int least = Mtus.IPV6_MIN_MTU + NetInterface.Vxlan.overhead(addresses.getFirst());
        if (underlayMtu < least || underlayMtu > 65535) {
            throw new ParameterException(spec.commandLine(), "--underlay-mtu must be " + least + "..65535 over IPv"
                    + (addresses.getFirst() instanceof java.net.Inet4Address ? "4" : "6") + " (a tunnel carries "
                    + NetInterface.Vxlan.overhead(addresses.getFirst()) + " bytes less, and IPv6 needs 1280), not "
                    + underlayMtu);
        }
        try {
            return Underlay.of(addresses, hosts, underlayMtu);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--underlay: " + e.getMessage());
        }
    }

    /** The split as text: the parts, the cut, then each node's part, a line each. */
    static String report(Lab lab, Partition partition, long seed) {
        StringBuilder text = new StringBuilder();
        text.append("lab ").append(lab.name()).append(" over ").append(partition.parts()).append(partition.parts() == 1 ? " host (seed " : " hosts (seed ")
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
