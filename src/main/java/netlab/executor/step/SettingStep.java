package netlab.executor.step;

import java.util.List;
import netlab.netlink.NlMessage;

/**
 * An rtnetlink step that sets something on interfaces the lab already has (an MTU, the link
 * state, an address, a route, a neighbour entry): what it sets goes with the interface, so it
 * needs no record of its own, but for the host's own lo (and a host route through a gateway),
 * which the lab does not own: those steps say what they create. The kernel only acknowledges
 * it, and no namespace gains a link. Only {@link #request}, the interfaces it names and what it
 * creates on lo differ from one kind to the next.
 */
public sealed interface SettingStep extends RtnetlinkStep
        permits MtuStep, Ipv6LinkLocalStep, LinkUpStep, AddressStep, NeighbourStep, FloodEntryStep,
        RouteStep, QdiscStep {
    @Override
    default List<Creation> creates() {
        return List.of();
    }

    @Override
    default void learn(List<NlMessage> answer, StepContext context) {
        // An ACK: nothing to learn.
    }

    @Override
    default List<String> nodesWithNewLinks() {
        return List.of();
    }
}
