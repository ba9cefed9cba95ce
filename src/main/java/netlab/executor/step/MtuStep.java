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
 * <p>Undone: with the interface (the lab made it).
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
    public NlMessage request(StepContext context) {
        return LinkRequests.setMtu(context.index(operation.node(), operation.interfaceName()), operation.mtu());
    }
}
