package netlab.executor.step;

import static netlab.executor.step.Commands.inNode;
import static netlab.executor.step.Commands.isHost;

import java.util.List;
import netlab.kernel.Sysctl;
import netlab.plan.Operation;
import netlab.topology.SysctlSetting;

/**
 * {@code sysctl -w KEY=VALUE} in the node: a {@code net.*} setting of its namespace, written to
 * /proc/sys from a thread inside it.
 *
 * <p>Undone: in a node, with the node. In the host, the value it replaces is recorded before the
 * change (only the first change of a key counts), and {@code down} writes it back.
 */
public record SysctlStep(Operation.SetSysctl operation) implements Step {
    @Override
    public String command() {
        return inNode(operation.node()) + "sysctl -w " + Commands.quoted(operation.key() + "=" + operation.value());
    }

    @Override
    public List<Creation> creates() {
        return List.of();
    }

    /**
     * The interface a key names ({@code net.ipv4.conf.ens5.proxy_arp}): in the host, one of the
     * machine's unless the lab makes it, so up checks it exists before it changes anything.
     */
    @Override
    public List<InterfaceUse> interfacesUsed() {
        return SysctlSetting.interfaceOf(operation.key()).map(name -> List.of(new InterfaceUse(name, operation.source())))
                .orElse(List.of());
    }

    public void run(StepContext context) {
        try {
            if (isHost(operation.node())) {
                // Recorded first, so that even a killed up leaves the key known to down.
                context.journal().hostSysctlChanging(operation.key(),
                        Sysctl.read(context.namespace(operation.node()), operation.key()));
                context.hostSysctls().set(context.namespace(operation.node()), context.lab(), operation.key(),
                        operation.value());
            } else {
                Sysctl.write(context.namespace(operation.node()), operation.key(), operation.value());
            }
        } catch (RuntimeException e) {
            throw new StepFailedException(this, e);
        }
    }
}
