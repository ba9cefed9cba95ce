package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RouteRequests;
import netlab.plan.Operation;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.Route;

/**
 * {@code ip route add DEST [via GW] [dev IF] [onlink] [metric N] [src ADDR]}, marked with
 * netlab's route protocol so its routes can be told from others' ({@code ip route} shows
 * {@code proto 211}).
 *
 * <p>Undone: with its device, when the lab made it (the kernel removes a device's routes with it).
 * A host route on lo, or through a gateway (whose device the kernel picks), is recorded before it
 * is made and deleted by {@code down}.
 */
public record RouteStep(Operation.AddRoute operation) implements SettingStep {
    /** The protocol number of every route netlab adds (RTPROT_* of {@code <linux/rtnetlink.h>} leaves it free). */
    public static final int RTPROT_NETLAB = 211;

    @Override
    public String command() {
        Route route = operation.route();
        StringBuilder text = new StringBuilder(ip(operation.node())).append(" route add ")
                .append(route.isDefault() ? "default" : route.destination().toString());
        route.via().ifPresent(via -> text.append(" via ").append(Addresses.format(via)));
        route.dev().ifPresent(dev -> text.append(" dev ").append(quoted(dev)));
        if (route.onlink()) {
            text.append(" onlink");
        }
        route.metric().ifPresent(metric -> text.append(" metric ").append(metric));
        route.src().ifPresent(src -> text.append(" src ").append(Addresses.format(src)));
        return text.toString();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return operation.route().dev().map(dev -> List.of(new InterfaceUse(dev, operation.source()))).orElse(List.of());
    }

    @Override
    public List<Creation> creates() {
        Route route = operation.route();
        boolean onLabDevice = route.dev().isPresent() && !Commands.isHostLoopback(operation.node(), route.dev().get());
        return Commands.isHost(operation.node()) && !onLabDevice ? List.of(new Creation.HostRoute(route)) : List.of();
    }

    @Override
    public NlMessage request(StepContext context) {
        Route route = operation.route();
        Cidr destination = route.destination();
        RouteMessage message;
        if (route.via().isPresent()) {
            message = route.isDefault() ? RouteMessage.defaultVia(route.via().get())
                    : RouteMessage.via(destination.address(), destination.prefixLength(), route.via().get());
            if (route.dev().isPresent()) {
                message = message.withDevice(context.index(operation.node(), route.dev().get()));
            }
        } else {
            message = RouteMessage.onDevice(destination.address(), destination.prefixLength(),
                    context.index(operation.node(), route.dev().orElseThrow()));
        }
        if (route.onlink()) {
            message = message.onlink();
        }
        if (route.metric().isPresent()) {
            message = message.withMetric(route.metric().getAsInt());
        }
        if (route.src().isPresent()) {
            message = message.withPreferredSource(route.src().get());
        }
        return RouteRequests.add(message.withProtocol(RTPROT_NETLAB));
    }
}
