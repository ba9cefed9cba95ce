package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import netlab.executor.step.SharedHostSysctls;
import netlab.executor.step.Step;
import netlab.executor.step.SysctlStep;
import netlab.plan.Operation;
import netlab.state.HostChange;
import netlab.state.LabRecord;
import netlab.state.StateStore;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * What a lab would change of the host that other labs have changed already, checked before
 * {@code up} changes anything: a host sysctl they hold at another value (at the same value, the
 * labs share it: see {@link SharedHostSysctls}), and the MTU of the host's lo, which one lab at a
 * time may set (whoever went down first would put back a value the other still relies on).
 */
final class SharedHostSettings {
    private SharedHostSettings() {}

    static List<String> conflicts(String lab, List<Step> steps, StateStore store) {
        List<String> conflicts = new ArrayList<>();
        SharedHostSysctls sysctls = new SharedHostSysctls(store.hostSysctls());
        boolean setsLoopbackMtu = false;
        for (Step step : steps) {
            if (step instanceof SysctlStep sysctl && Node.HOST.equals(step.node())) {
                sysctls.conflict(lab, sysctl.operation().key(), sysctl.operation().value()).ifPresent(conflicts::add);
            }
            setsLoopbackMtu |= step.operation() instanceof Operation.SetMtu mtu && Node.HOST.equals(mtu.node())
                    && mtu.interfaceName().equals(NetInterface.Loopback.NAME);
        }
        if (setsLoopbackMtu) {
            for (LabRecord record : store.list()) {
                if (record instanceof LabRecord.Readable readable && !readable.state().lab().equals(lab)
                        && readable.state().hostChanges().stream().anyMatch(HostChange.LoopbackMtu.class::isInstance)) {
                    conflicts.add("the MTU of the host's lo is lab " + readable.state().lab() + "'s change; one lab at a "
                            + "time may set it");
                }
            }
        }
        return conflicts;
    }
}
