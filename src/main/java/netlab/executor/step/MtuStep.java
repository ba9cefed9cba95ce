package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkRequests;
import netlab.plan.Operation;

/**
 * {@code ip link set dev IF mtu N}.
 *
 * <p>Undone: with the interface (the lab made it); the host's own lo gets back the MTU it had,
 * recorded before the change.
 */
public record MtuStep(Operation.SetMtu operation) implements SettingStep {
    @Override
    public String command() {
        return ip(operation.node()) + " link set dev " + quoted(operation.interfaceName()) + " mtu " + operation.mtu();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.interfaceName(), operation.source()));
    }

    @Override
    public List<Creation> recorded(StepContext context) {
        return Commands.isHostLoopback(operation.node(), operation.interfaceName())
                ? List.of(new Creation.LoopbackMtu(context.mtu(operation.node(), operation.interfaceName()))) : List.of();
    }

    @Override
    public NlMessage request(StepContext context) {
        return LinkRequests.setMtu(context.index(operation.node(), operation.interfaceName()), operation.mtu());
    }
}
