package netlab.executor.step;

import static netlab.executor.step.Commands.quoted;

import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.route.NetemOptions;
import netlab.netlink.route.QdiscOptions;
import netlab.netlink.route.QdiscRequests;
import netlab.netlink.route.TbfOptions;
import netlab.plan.Operation;
import netlab.plan.Qdisc;

/**
 * {@code tc qdisc add dev IF root tbf ...} or {@code ... root netem ...}: the interface's
 * impairment (docs/impair.md), its root queueing discipline, as tc sends that command.
 *
 * <p>Undone: with the interface (the lab made it).
 */
public record QdiscStep(Operation.SetQdisc operation) implements SettingStep {
    @Override
    public String command() {
        String where = Commands.isHost(operation.node()) ? "tc" : "tc -n " + quoted(operation.node());
        return where + " qdisc add dev " + quoted(operation.interfaceName()) + " root " + switch (operation.qdisc()) {
            case Qdisc.Tbf tbf -> "tbf rate " + tbf.rateBitsPerSecond() + "bit burst " + tbf.burstBytes() + "b "
                    + (tbf.latencyMicros() > 0 ? "latency " + tbf.latencyMicros() + "us" : "limit " + tbf.limitBytes() + "b");
            // tc's jitter is the second time after delay.
            case Qdisc.Netem netem -> "netem delay " + netem.delayMicros() + "us"
                    + (netem.jitterMicros() > 0 ? " " + netem.jitterMicros() + "us" : "") + " limit " + netem.limitPackets()
                    + (netem.rateBitsPerSecond() > 0 ? " rate " + netem.rateBitsPerSecond() + "bit" : "");
        };
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.interfaceName(), operation.source()));
    }

    @Override
    public NlMessage request(StepContext context) {
        return QdiscRequests.addRoot(context.index(operation.node(), operation.interfaceName()), options(operation.qdisc()));
    }

    /** The codec's options for a planned qdisc: what tc sends for {@link #command()}. */
    public static QdiscOptions options(Qdisc qdisc) {
        return switch (qdisc) {
            case Qdisc.Tbf tbf -> tbf.latencyMicros() > 0
                    ? TbfOptions.withLatency(tbf.rateBitsPerSecond(), tbf.burstBytes(), tbf.latencyMicros())
                    : TbfOptions.of(tbf.rateBitsPerSecond(), tbf.burstBytes(), tbf.limitBytes());
            case Qdisc.Netem netem -> NetemOptions.of(netem.delayMicros(), netem.jitterMicros(), netem.limitPackets(),
                    netem.rateBitsPerSecond());
        };
    }
}
