package netlab.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import netlab.kernel.Kernel;
import netlab.kernel.NetlinkRequest;
import netlab.kernel.Sysctl;
import netlab.netlink.NlMessage;
import netlab.plan.Operation;
import netlab.plan.Plan;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * Turns a plan into kernel changes, recording as it goes what it created, so that {@link #down}
 * can remove exactly that. Consecutive steps of one kind are pipelined: their requests go out
 * together, per namespace, and are answered together.
 *
 * <p>{@code up} is all or nothing: when a step fails, what was already made is removed before
 * the failure is reported.
 */
public final class Executor {
    private final StateStore store;

    public Executor(StateStore store) {
        this.store = store;
    }

    /** Brings the lab up; returns what it created. */
    public LabState up(Lab lab, Plan plan) {
        return up(lab, plan, StepTimes.NONE);
    }

    /** Brings the lab up, telling {@code times} how long each group of steps took. */
    public LabState up(Lab lab, Plan plan, StepTimes times) {
        return up(lab, plan, times, new Kernel());
    }

    /**
     * As {@link #up(Lab, Plan, StepTimes)}, over a {@code kernel} the caller opened already (to
     * look at the host first); this closes it.
     */
    public LabState up(Lab lab, Plan plan, StepTimes times, Kernel kernel) {
        StateRecorder recorder = new StateRecorder(store, LabState.started(lab.name(),
                java.nio.file.Path.of(lab.file()).toAbsolutePath().normalize().toString(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        try (LabSession session = new LabSession(lab.name(), recorder.current().group(), kernel)) {
            int done = 0;
            for (List<Operation> group : groups(plan.operations())) {
                try {
                    FaultInjection.beforeSteps(done, group);
                } catch (FaultInjection.InjectedFailure injected) {
                    if (!injected.before.isEmpty()) {
                        run(lab, injected.before, session, recorder);
                    }
                    throw new OperationFailedException(injected.step, injected);
                }
                long start = System.nanoTime();
                run(lab, group, session, recorder);
                times.took(group.getFirst().render(), group.size(), Duration.ofNanos(System.nanoTime() - start));
                done += group.size();
            }
            long start = System.nanoTime();
            LinkReadiness.await(lab, session);
            times.took("wait until every link is up", 1, Duration.ofNanos(System.nanoTime() - start));
            return recorder.complete();
        } catch (RuntimeException failure) {
            try {
                new Teardown(store).down(recorder.current());
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Removes everything {@code state} records as created, and the record itself. */
    public void down(LabState state) {
        new Teardown(store).down(state);
    }

    /** Consecutive steps of the same kind: they can be sent together. */
    private static List<List<Operation>> groups(List<Operation> operations) {
        List<List<Operation>> groups = new ArrayList<>();
        for (Operation operation : operations) {
            if (groups.isEmpty() || groups.getLast().getFirst().getClass() != operation.getClass()) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(operation);
        }
        return groups;
    }

    private static void run(Lab lab, List<Operation> group, LabSession session, StateRecorder recorder) {
        switch (group.getFirst()) {
            case Operation.CreateNamespace first -> NamespaceSteps.create(group, session, recorder);
            case Operation.SetSysctl first -> group.forEach(op -> setSysctl((Operation.SetSysctl) op, session, recorder));
            case Operation.ApplyNat first -> group.forEach(op -> NatSteps.apply((Operation.ApplyNat) op, session, recorder));
            default -> sendTogether(lab, group, session, recorder);
        }
    }

    private static void setSysctl(Operation.SetSysctl op, LabSession session, StateRecorder recorder) {
        try {
            if (Node.HOST.equals(op.node())) {
                // Recorded before the change, so that even a killed up leaves the old value known.
                recorder.hostSysctlChanging(op.key(), Sysctl.read(session.namespace(op.node()), op.key()));
            }
            Sysctl.write(session.namespace(op.node()), op.key(), op.value());
        } catch (RuntimeException e) {
            throw new OperationFailedException(op, e);
        }
    }

    /**
     * rtnetlink steps: all requests of the group out at once (one hand-over per namespace), then
     * the answers. The links the requests name are looked up first, in every namespace at once.
     */
    private static void sendTogether(Lab lab, List<Operation> group, LabSession session, StateRecorder recorder) {
        Map<String, Set<String>> named = new HashMap<>();
        group.forEach(op -> named.computeIfAbsent(op.node(), node -> new HashSet<>()).addAll(Requests.interfacesNamed(op)));
        session.prefetchIndexes(named);
        List<Operation> steps = group.stream().map(op -> resolvePeerMac(lab, op, session)).toList();
        Map<String, List<NetlinkRequest>> byNode = new LinkedHashMap<>();
        for (Operation step : steps) {
            try {
                byNode.computeIfAbsent(step.node(), node -> new ArrayList<>()).add(Requests.of(step, session));
            } catch (RuntimeException e) {
                throw new OperationFailedException(step, e);
            }
        }
        recorder.aboutToCreate(steps);
        Map<String, Iterator<CompletableFuture<List<NlMessage>>>> answers = new HashMap<>();
        byNode.forEach((node, requests) -> answers.put(node, session.route(node).sendAll(requests).iterator()));
        OperationFailedException first = null;
        for (Operation step : steps) {
            try {
                Requests.learnFromEcho(step, answers.get(step.node()).next().join(), session);
            } catch (CompletionException e) {
                if (first == null) {
                    first = new OperationFailedException(step, e.getCause() instanceof RuntimeException r ? r : e);
                }
            }
        }
        touchedNodes(steps).forEach(session::forgetLinks);
        if (first != null) {
            throw first;
        }
    }

    /** Creating links changes the link lists of both namespaces of a pair. */
    private static List<String> touchedNodes(List<Operation> steps) {
        List<String> nodes = new ArrayList<>();
        for (Operation step : steps) {
            switch (step) {
                case Operation.CreateBridge b -> nodes.add(b.node());
                case Operation.CreateVeth v -> nodes.addAll(List.of(v.node(), v.peerNode()));
                case Operation.CreateMacvlan m -> nodes.addAll(List.of(m.node(), m.targetNode()));
                default -> { }
            }
        }
        return nodes.stream().distinct().toList();
    }

    /** {@code neigh ... lladdr peer}: the MAC of the device's veth peer, known now that it exists. */
    private static Operation resolvePeerMac(Lab lab, Operation op, LabSession session) {
        if (!(op instanceof Operation.AddNeighbour n) || n.lladdr().isPresent()) {
            return op;
        }
        NetInterface dev = lab.node(n.node()).flatMap(node -> node.netInterface(n.dev())).orElseThrow();
        if (!(dev instanceof NetInterface.VethEnd end)) {
            throw new OperationFailedException(op, new IllegalStateException(n.dev() + " is not a veth end"));
        }
        String mac = session.link(end.peer().node(), end.peer().interfaceName()).address()
                .orElseThrow(() -> new OperationFailedException(op, new IllegalStateException("the peer has no MAC")))
                .toString();
        return new Operation.AddNeighbour(n.node(), n.address(), n.dev(), Optional.of(mac), n.source());
    }
}
