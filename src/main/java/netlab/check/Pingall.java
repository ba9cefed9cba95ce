package netlab.check;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.BiConsumer;
import netlab.error.InterruptedWaitException;
import netlab.kernel.Answers;
import netlab.kernel.Kernel;
import netlab.kernel.NetNamespace;
import netlab.kernel.probe.LearnedNeighbours;
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
 * interface's, both families): Mininet's pingall without a process per pair.
 *
 * <p>All at once when the neighbour entries the probes make fit in the kernel's table (one for
 * the whole machine: see {@link LearnedNeighbours}); otherwise in rounds of {@link #ROUND_ENTRIES}
 * entries, each round's learned entries removed before the next, so that a big lab's pairs
 * answer as a small lab's do.
 */
public final class Pingall {
    /** As Mininet's {@code ping -W1}: a pair that needs longer counts as not answering. */
    public static final Duration WITHIN = Duration.ofSeconds(1);
    /**
     * Neighbour entries one round may make: below the kernel's default gc_thresh2 (512), above
     * which it starts reclaiming, and half of gc_thresh3 (1024), where it refuses, leaving room
     * for the entries of the machine's other namespaces.
     */
    static final int ROUND_ENTRIES = 500;
    /**
     * Probers working side by side, each on a thread and event loop of its own, each sending for
     * a share of the nodes: the kernel floods a pair's ARP request to every bridge port on the CPU
     * that sent it, so one sender uses one core (docs/performance.md).
     */
    static final int LANES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private Pingall() {}

    /** One pair: a node, an address of another node, and what the probe saw. */
    public record Pair(String from, String to, String toInterface, InetAddress address, ProbeResult result) {
        public boolean answered() {
            return result.reply().isPresent();
        }
    }

    private record Target(String from, String to, String toInterface, InetAddress address) {}

    /** The pairs, grouped by the node that sent, in file order. */
    public static List<Pair> run(LabState state, Lab lab) {
        try (LabNamespaces namespaces = new LabNamespaces(state)) {
            return run(namespaces, lab);
        }
    }

    /**
     * The pairs of {@code lab}, each node's probes sent from the namespace {@code namespaces}
     * gives for it (left open: the caller's). For nodes that are not one running lab's on this
     * machine: the parts of a split lab, each on a simulated machine of its own.
     */
    public static List<Pair> run(NodeNamespaces namespaces, Lab lab) {
        List<Target> targets = targets(lab);
        if (targets.isEmpty()) {
            return List.of();
        }
        List<List<Integer>> rounds = rounds(lab, targets);
        Map<String, Integer> lane = new HashMap<>();
        lab.nodes().forEach(node -> lane.put(node.name(), lane.size() % LANES));
        ProbeResult[] byTarget = new ProbeResult[targets.size()];
        // The kernel connection only lists and deletes neighbour entries: needed between rounds only.
        try (Kernel kernel = rounds.size() > 1 ? new Kernel() : null) {
            List<NetNamespace> all = lab.nodes().stream().map(node -> namespaces.of(node.name())).toList();
            Runnable betweenRounds = kernel == null ? () -> {}
                    : LearnedNeighbours.snapshot(kernel, all, addresses(lab))::forgetNew;
            CyclicBarrier roundEnd = new CyclicBarrier(LANES, betweenRounds);
            List<CompletableFuture<Void>> lanes = new ArrayList<>();
            for (int l = 0; l < LANES; l++) {
                int mine = l;
                List<List<Integer>> laneRounds = rounds.stream()
                        .map(round -> round.stream().filter(i -> lane.get(targets.get(i).from()) == mine).toList()).toList();
                lanes.add(CompletableFuture.runAsync(() -> probe(laneRounds, targets, namespaces, roundEnd, byTarget),
                        command -> Thread.ofPlatform().name("netlab-pingall-" + mine).start(command)));
            }
            lanes.forEach(Answers::await);
        }
        List<Pair> pairs = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            pairs.add(new Pair(t.from(), t.to(), t.toInterface(), t.address(), byTarget[i]));
        }
        return pairs;
    }

    /**
     * One lane: its share of every round on a prober (an event loop, a core) of its own, waiting
     * at the end of each round for the other lanes, so that the learned entries are removed once
     * all of the round's probes are decided. A lane that fails breaks the barrier, so the others
     * stop too.
     */
    private static void probe(List<List<Integer>> rounds, List<Target> targets, NodeNamespaces namespaces,
            CyclicBarrier roundEnd, ProbeResult[] into) {
        try (Prober prober = new Prober()) {
            List<List<Probe>> probes = rounds.stream().map(round -> round.stream().map(targets::get)
                    .map(t -> new Probe(namespaces.of(t.from()), t.address(), WITHIN, List.of())).toList()).toList();
            List<ProbeResult> results = prober.runInRounds(probes, () -> {
                try {
                    roundEnd.await();
                } catch (InterruptedException e) {
                    throw new InterruptedWaitException("waiting for the other probes of a round", e);
                } catch (BrokenBarrierException e) {
                    throw new IllegalStateException("another lane of pingall failed", e);
                }
            });
            int next = 0;
            for (List<Integer> round : rounds) {
                for (int i : round) {
                    into[i] = results.get(next++);
                }
            }
        } catch (RuntimeException | Error e) {
            roundEnd.reset();
            throw e;
        }
    }

    /** Every node to every address of every other node, grouped by sender, in file order. */
    private static List<Target> targets(Lab lab) {
        List<Target> targets = new ArrayList<>();
        for (Node from : lab.nodes()) {
            for (Node to : lab.nodes()) {
                if (to != from) {
                    addresses(to, (i, address) -> targets.add(new Target(from.name(), to.name(), i, address)));
                }
            }
        }
        return targets;
    }

    /**
     * The targets (by index) in rounds: the two directions between two nodes in the same round
     * (they share their entries), as many node pairs a round as fit in {@link #ROUND_ENTRIES},
     * counting two entries (one each way) a family.
     */
    static List<List<Integer>> rounds(Lab lab, List<Target> targets) {
        Map<String, Integer> position = new HashMap<>();
        lab.nodes().forEach(node -> position.put(node.name(), position.size()));
        Map<String, List<Integer>> byNodePair = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            boolean forward = position.get(t.from()) < position.get(t.to());
            String key = forward ? t.from() + "\0" + t.to() : t.to() + "\0" + t.from();
            byNodePair.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> rounds = new ArrayList<>();
        List<Integer> round = new ArrayList<>();
        int entries = 0;
        for (List<Integer> nodePair : byNodePair.values()) {
            int cost = 2 * (int) nodePair.stream().map(i -> targets.get(i).address() instanceof Inet4Address).distinct().count();
            if (!round.isEmpty() && entries + cost > ROUND_ENTRIES) {
                rounds.add(round);
                round = new ArrayList<>();
                entries = 0;
            }
            round.addAll(nodePair);
            entries += cost;
        }
        rounds.add(round);
        return rounds;
    }

    private static Set<InetAddress> addresses(Lab lab) {
        Set<InetAddress> all = new HashSet<>();
        lab.nodes().forEach(node -> addresses(node, (i, address) -> all.add(address)));
        return all;
    }

    private static void addresses(Node node, BiConsumer<String, InetAddress> each) {
        for (NetInterface i : node.interfaces()) {
            for (Cidr address : i.addresses()) {
                each.accept(i.name(), address.address());
            }
        }
    }
}
