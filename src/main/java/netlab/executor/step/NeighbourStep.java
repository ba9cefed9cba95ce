package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.route.NeighbourRequests;
import netlab.plan.Operation;
import netlab.topology.Addresses;

/**
 * {@code ip neigh add ADDR lladdr MAC dev IF nud permanent}. {@code lladdr peer} was resolved when
 * planning: netlab chose the peer's MAC itself.
 *
 * <p>Undone: with the interface (the lab made it); on the host's own lo, recorded before it is
 * made and deleted by {@code down}.
 */
public record NeighbourStep(Operation.AddNeighbour operation) implements SettingStep {
    @Override
    public String command() {
        return ip(operation.node()) + " neigh add " + Addresses.format(operation.address()) + " lladdr "
                + operation.lladdr() + " dev " + quoted(operation.dev()) + " nud permanent";
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.dev(), operation.source()));
    }

    @Override
    public List<Creation> creates() {
        return Commands.isHostLoopback(operation.node(), operation.dev())
                ? List.of(new Creation.LoopbackNeighbour(operation.address(), operation.lladdr())) : List.of();
    }

    @Override
    public NlMessage request(StepContext context) {
        return NeighbourRequests.addPermanent(context.index(operation.node(), operation.dev()), operation.address(),
                MacAddress.parse(operation.lladdr()));
    }
}
