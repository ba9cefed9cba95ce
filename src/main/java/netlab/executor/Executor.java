package netlab.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import netlab.executor.step.HostsFileStep;
import netlab.executor.step.LossTableStep;
import netlab.executor.step.NamespaceStep;
import netlab.executor.step.NodeNameStep;
import netlab.executor.step.NatTableStep;
import netlab.executor.step.RtnetlinkBatch;
import netlab.executor.step.RtnetlinkStep;
import netlab.executor.step.SharedHostSysctls;
import netlab.executor.step.Step;
import netlab.executor.step.StepFailedException;
import netlab.executor.step.Steps;
import netlab.executor.step.SysctlStep;
import netlab.kernel.Kernel;
import netlab.kernel.KernelFeatures;
import netlab.plan.Plan;
import netlab.state.LabGroups;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Lab;

/**
 * Turns a plan into kernel changes, recording as it goes what it created, so that {@link #down}
 * can remove exactly that. Consecutive steps of one kind go together: namespaces are made by a
 * few workers, rtnetlink requests are pipelined per namespace.
 *
 * <p>{@code up} is all or nothing: it first checks that the lab fits in the open-file limit
 * ({@link OpenFiles}) and that nothing it would create exists ({@link Conflicts}), and when a step
 * fails, what was already made is removed before the failure is reported.
 */
public final class Executor {
    private static final String LINK_WAIT = "wait until every link and address is up";
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
     * As {@link #up(Lab, Plan, StepTimes)}, over a {@code kernel} the caller opened already (while
     * it read the file, say); this closes it.
     */
    public LabState up(Lab lab, Plan plan, StepTimes times, Kernel kernel) {
        List<Step> steps = Steps.of(plan);
        int group;
        try {
            OpenFiles.check(lab);
            KernelSupport.require(lab.name(), steps, KernelFeatures.ofRunningKernel());
            group = LabGroups.choose(lab.name(), Conflicts.check(lab.name(), steps, kernel, store));
        } catch (RuntimeException refused) {
            kernel.close();
            throw refused;
        }
        return build(lab, steps, times, kernel, group);
    }

    /**
     * The steps, once the conflict check found their names free (a test calls this directly to
     * play a name taken after the check); a failure removes what was made.
     */
    LabState build(Lab lab, List<Step> steps, StepTimes times, Kernel kernel, int linkGroup) {
        StateRecorder recorder;
        try {
            recorder = new StateRecorder(store, LabState.started(lab.name(),
                    Path.of(lab.file()).toAbsolutePath().normalize().toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    linkGroup));
        } catch (RuntimeException unrecorded) {
            kernel.close();
            throw unrecorded;
        }
        try (LabSession session = new LabSession(lab.name(), recorder.current().group(), kernel, recorder,
                new SharedHostSysctls(store.hostSysctls()), store.directoryOf(lab.name()))) {
            int done = 0;
            times.starting(steps.size() + 1); // the wait for links counts as the last step
            for (List<Step> group : groups(steps)) {
                try {
                    FaultInjection.beforeSteps(done, group);
                } catch (FaultInjection.InjectedFailure injected) {
                    if (!injected.before.isEmpty()) {
                        run(injected.before, session);
                    }
                    throw new StepFailedException(injected.step, injected);
                }
                long start = System.nanoTime();
                times.group(group.getFirst().command(), group.size());
                run(group, session);
                times.took(group.getFirst().command(), group.size(), Duration.ofNanos(System.nanoTime() - start));
                done += group.size();
            }
            long start = System.nanoTime();
            times.group(LINK_WAIT, 1);
            LinkReadiness.await(lab, steps, session);
            times.took(LINK_WAIT, 1, Duration.ofNanos(System.nanoTime() - start));
            return recorder.complete();
        } catch (RuntimeException failure) {
            try {
                new Teardown(store, TeardownProgress.NONE).down(recorder.current());
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw OpenFiles.explain(lab, failure);
        }
    }

    /**
     * Removes everything {@code state} records as created, and the record itself; returns what
     * it left alone because it is not the lab's (someone else's namespace under a lab's name).
     */
    public List<String> down(LabState state) {
        return down(state, TeardownProgress.NONE);
    }

    /** {@link #down(LabState)}, telling {@code progress} how far it has got. */
    public List<String> down(LabState state, TeardownProgress progress) {
        return down(state, progress, new Kernel());
    }

    /**
     * {@link #down(LabState, TeardownProgress)} over {@code kernel} (opened while the caller
     * read the record, say), which it closes.
     */
    public List<String> down(LabState state, TeardownProgress progress, Kernel kernel) {
        List<String> notes = new Teardown(store, progress).down(state, kernel);
        store.hostSysctls().removeLeftovers();
        return notes;
    }

    /** Consecutive steps of the same kind: they can be sent together. */
    private static List<List<Step>> groups(List<Step> steps) {
        List<List<Step>> groups = new ArrayList<>();
        for (Step step : steps) {
            if (groups.isEmpty() || groups.getLast().getFirst().getClass() != step.getClass()) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(step);
        }
        return groups;
    }

    /** One group of steps of one kind, each kind in its own way. */
    private static void run(List<Step> group, LabSession session) {
        switch (group.getFirst()) {
            case NamespaceStep first -> NamespaceStep.createAll(only(group, NamespaceStep.class), session);
            case HostsFileStep first -> only(group, HostsFileStep.class).forEach(step -> step.run(session));
            case NodeNameStep first -> NodeNameStep.nameAll(only(group, NodeNameStep.class), session);
            case RtnetlinkStep first -> RtnetlinkBatch.send(only(group, RtnetlinkStep.class), session);
            case SysctlStep first -> only(group, SysctlStep.class).forEach(step -> step.run(session));
            case NatTableStep first -> only(group, NatTableStep.class).forEach(step -> step.run(session));
            case LossTableStep first -> only(group, LossTableStep.class).forEach(step -> step.run(session));
        }
    }

    /** The group as the kind its first step is (a group holds one class of step). */
    private static <T extends Step> List<T> only(List<Step> group, Class<T> kind) {
        return group.stream().map(kind::cast).toList();
    }
}
