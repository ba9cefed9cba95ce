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
 * {@code ip neigh replace ADDR lladdr MAC dev IF nud permanent} on an interface the lab made:
 * the lab's own traffic (a vxlan's first packet, an ARP request from the peer) can teach the
 * kernel a dynamic entry for the address before this step runs, and the file's permanent entry
 * is meant to win over it. On the host's own lo it is {@code ip neigh add}: an entry there is the
 * machine's, not to be overwritten and later deleted by {@code down}. {@code lladdr peer} was
 * resolved when planning: netlab chose the peer's MAC itself.
 *
 * <p>Undone: with the interface (the lab made it); on the host's own lo, recorded before it is
 * made and deleted by {@code down}.
 */
public record NeighbourStep(Operation.AddNeighbour operation) implements SettingStep {
    @Override
    public String command() {
        return ip(operation.node()) + " neigh " + (onHostLoopback() ? "add " : "replace ")
                + Addresses.format(operation.address()) + " lladdr " + operation.lladdr() + " dev "
                + quoted(operation.dev()) + " nud permanent";
    }

    private boolean onHostLoopback() {
        return Commands.isHostLoopback(operation.node(), operation.dev());
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.dev(), operation.source()));
    }

    @Override
    public List<Creation> creates() {
        return onHostLoopback()
                ? List.of(new Creation.LoopbackNeighbour(operation.address(), operation.lladdr())) : List.of();
    }

    @Override
    public NlMessage request(StepContext context) {
        int ifindex = context.index(operation.node(), operation.dev());
        MacAddress mac = MacAddress.parse(operation.lladdr());
        return onHostLoopback() ? NeighbourRequests.addPermanent(ifindex, operation.address(), mac)
                : NeighbourRequests.replacePermanent(ifindex, operation.address(), mac);
    }
}
