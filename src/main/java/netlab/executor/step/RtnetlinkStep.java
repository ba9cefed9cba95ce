package netlab.executor.step;

import java.util.List;
import netlab.netlink.NlMessage;

/**
 * A step made of one rtnetlink request. Consecutive steps of one kind are sent together
 * ({@link RtnetlinkBatch}): every request of the group goes out before the first answer is read.
 */
public sealed interface RtnetlinkStep extends Step
        permits BridgeStep, VethStep, MacvlanStep, VxlanStep, SettingStep {
    /** The request, with the interfaces it names already resolved to their indexes. */
    NlMessage request(StepContext context);

    /**
     * What the record must hold before {@link #request} is sent: {@link #creates()}, and for a
     * change of something the lab does not own, what undoes it, read from the kernel now (the
     * MTU the host's lo has before the lab's is set).
     */
    default List<Creation> recorded(StepContext context) {
        return creates();
    }

    /** What the kernel's answer to {@link #request} teaches the session (an echoed link's index). */
    void learn(List<NlMessage> answer, StepContext context);

    /** The namespaces whose list of links this step changes: the links known there are stale after it. */
    List<String> nodesWithNewLinks();
}
