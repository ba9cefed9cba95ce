package netlab.executor.step;

import java.util.List;
import netlab.plan.Operation;

/**
 * One kind of plan step, the single home of everything about it: the {@code ip}/{@code nft}
 * line {@code netlab plan} prints for it, what it creates (which {@code up} checks is free and
 * the lab's record notes before the change), the interfaces it refers to, the requests it sends
 * and what the kernel's answer teaches. How a step is undone follows from what it creates: the
 * lab's record lists it, and {@code down} removes each kind of record in one way (see each
 * class's "Undone" note).
 *
 * <p>The executor dispatches over this sealed type with an exhaustive switch and no default, so a
 * new kind of step does not compile until every part of it is written.
 */
public sealed interface Step permits NamespaceStep, HostsFileStep, NodeNameStep, RtnetlinkStep, SysctlStep,
        NatTableStep, LossTableStep {
    /** The plan's data for this step: where it runs and the statement it comes from. */
    Operation operation();

    /** The namespace the step works in ({@code host} for the host's). */
    default String node() {
        return operation().node();
    }

    /**
     * The shell command that does what this step does, as {@code netlab plan} prints it: a line
     * of a script that builds the lab exactly as {@code up} does, but for netlab's ownership marks
     * (the host link group and alias, the route protocol).
     */
    String command();

    /** What the step creates that the lab will own; none of it may exist before {@code up}. */
    List<Creation> creates();

    /**
     * The interfaces of {@link #node()} the step names: made by an earlier step of the plan, or,
     * in the host, one of the machine's own, which must exist before anything is changed.
     */
    List<InterfaceUse> interfacesUsed();
}
