package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkRequests;
import netlab.plan.Operation;

/**
 * {@code ip link set dev IF addrgenmode none}: in a lab without IPv6, no link-local address once the
 * interface is up, so it never multicasts solicitations to every port of a bridge.
 *
 * <p>Undone: with the interface (the lab made it).
 */
public record Ipv6LinkLocalStep(Operation.DisableIpv6LinkLocal operation) implements SettingStep {
    @Override
    public String command() {
        return ip(operation.node()) + " link set dev " + quoted(operation.interfaceName()) + " addrgenmode none";
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.interfaceName(), operation.source()));
    }

    @Override
    public NlMessage request(StepContext context) {
        return LinkRequests.setAddrGenModeNone(context.index(operation.node(), operation.interfaceName()));
    }
}
