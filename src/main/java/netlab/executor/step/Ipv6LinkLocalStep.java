package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkRequests;
import netlab.plan.Operation;

/**
 * {@code ip link set dev IF addrgenmode none}: the kernel makes no link-local address once the
 * interface is up. Where the file gives the interface no IPv6, it gets none (it would only
 * multicast solicitations to every port of a bridge); on a router's IPv6 interface the kernel's
 * would be tentative for a second or two, and the router silent meanwhile, so the plan adds
 * netlab's own ({@code ip addr add fe80::.../64 dev IF nodad}).
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
