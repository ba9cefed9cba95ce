package netlab.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.kernel.probe.Probe;
import netlab.kernel.probe.ProbeResult;
import netlab.kernel.probe.Prober;
import netlab.state.LabState;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * Every node of a running lab probes every address the file gives every other node (each
 * interface's, both families), all at once: Mininet's pingall without a process per pair.
 */
public final class Pingall {
    /** As Mininet's {@code ping -W1}: a pair that needs longer counts as not answering. */
    public static final Duration WITHIN = Duration.ofSeconds(1);

    private Pingall() {}

    /** One pair: a node, an address of another node, and whether it answered. */
    public record Pair(String from, String to, String toInterface, InetAddress address, ProbeResult result) {
        public boolean answered() {
            return result.reply().isPresent();
        }
    }

    private record Target(String from, String to, String toInterface, InetAddress address) {}

    /** The pairs, grouped by the node that sent, in file order. */
    public static List<Pair> run(LabState state, Lab lab) {
        List<Target> pairs = new ArrayList<>();
        for (Node from : lab.nodes()) {
            for (Node to : lab.nodes()) {
                if (to == from) {
                    continue;
                }
                for (NetInterface i : to.interfaces()) {
                    for (Cidr address : i.addresses()) {
                        pairs.add(new Target(from.name(), to.name(), i.name(), address.address()));
                    }
                }
            }
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        try (LabNamespaces namespaces = new LabNamespaces(state); Prober prober = new Prober()) {
            List<Probe> probes = pairs.stream()
                    .map(pair -> new Probe(namespaces.of(pair.from()), pair.address(), WITHIN, List.of())).toList();
            List<ProbeResult> results = prober.run(probes);
            List<Pair> answered = new ArrayList<>(pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                Target pair = pairs.get(i);
                answered.add(new Pair(pair.from(), pair.to(), pair.toInterface(), pair.address(), results.get(i)));
            }
            return answered;
        }
    }
}
