package netlab.executor.step;

import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.NeighbourRequests;
import netlab.plan.Operation;
import netlab.topology.Addresses;

/**
 * {@code bridge fdb append 00:00:00:00:00:00 dev IF dst ADDR}: one more far end of a vxlan with
 * several (a bridge split over machines reaches each other copy): frames for an unknown MAC, and
 * every broadcast, go to each of them.
 *
 * <p>Undone: with the vxlan.
 */
public record FloodEntryStep(Operation.AddFloodEntry operation) implements SettingStep {
    @Override
    public String command() {
        String bridge = Commands.isHost(operation.node()) ? "bridge" : "bridge -n " + quoted(operation.node());
        return bridge + " fdb append 00:00:00:00:00:00 dev " + quoted(operation.interfaceName()) + " dst "
                + Addresses.format(operation.remote());
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.interfaceName(), operation.source()));
    }

    @Override
    public NlMessage request(StepContext context) {
        return NeighbourRequests.appendFlood(context.index(operation.node(), operation.interfaceName()),
                operation.remote());
    }
}
