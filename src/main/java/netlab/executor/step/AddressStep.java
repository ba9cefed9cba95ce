package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.AddressRequests;
import netlab.plan.Operation;
import netlab.topology.Cidr;

/**
 * {@code ip addr add CIDR dev IF}; an IPv6 address is added {@code nodad}, without duplicate
 * address detection, so it works at once.
 *
 * <p>Undone: with the interface (the lab made it, or it is a node's {@code lo}); on the host's
 * own lo, recorded before it is made and deleted by {@code down}.
 */
public record AddressStep(Operation.AddAddress operation) implements SettingStep {
    @Override
    public String command() {
        Cidr address = operation.address();
        return ip(operation.node()) + " addr add " + address + " dev " + quoted(operation.interfaceName())
                + (address.isIpv4() ? "" : " nodad");
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.interfaceName(), operation.source()));
    }

    @Override
    public List<Creation> creates() {
        return Commands.isHostLoopback(operation.node(), operation.interfaceName())
                ? List.of(new Creation.LoopbackAddress(operation.address())) : List.of();
    }

    @Override
    public NlMessage request(StepContext context) {
        Cidr address = operation.address();
        int index = context.index(operation.node(), operation.interfaceName());
        return address.isIpv4() ? AddressRequests.add(index, address.address(), address.prefixLength())
                : AddressRequests.addWithoutDad(index, address.address(), address.prefixLength());
    }
}
