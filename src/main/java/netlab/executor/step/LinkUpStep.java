package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;
import static netlab.executor.step.Commands.isHost;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.plan.Operation;
import netlab.topology.NetInterface;

/**
 * {@code ip link set dev IF up}. In the host, the same request sets the alias {@code netlab:LAB}, the
 * readable twin of the lab's link group ({@code ip link} shows it).
 *
 * <p>Undone: with the interface; {@code lo} of a node with the node (the host's {@code lo} is
 * never the lab's to set).
 */
public record LinkUpStep(Operation.SetUp operation) implements SettingStep {
    @Override
    public String command() {
        return ip(operation.node()) + " link set dev " + quoted(operation.interfaceName()) + " up";
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.interfaceName(), operation.source()));
    }

    @Override
    public NlMessage request(StepContext context) {
        int index = context.index(operation.node(), operation.interfaceName());
        boolean marked = isHost(operation.node()) && !operation.interfaceName().equals(NetInterface.Loopback.NAME);
        return LinkRequests.setUp(index, marked ? List.of(new LinkAttribute.Alias(alias(context.lab()), true)) : List.of());
    }

    /** The alias that names a lab's interfaces in the host. */
    public static String alias(String lab) {
        return "netlab:" + lab;
    }
}
