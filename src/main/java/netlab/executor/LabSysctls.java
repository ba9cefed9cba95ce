package netlab.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.kernel.Sysctl;
import netlab.state.LabState;
import netlab.topology.Node;

/**
 * The sysctls a lab set in one node, with their values now: a student sees at once whether a
 * router still forwards. The plan says which and to what; without it (the file is gone) the
 * record still names the host's, which down must restore.
 */
final class LabSysctls {
    private LabSysctls() {}

    static List<LabView.Sysctl> read(LabState state, String node, Optional<PlannedState> planned) {
        Map<String, Optional<String>> keys = new LinkedHashMap<>();
        if (planned.isPresent()) {
            planned.get().sysctls(node).forEach((key, value) -> keys.put(key, Optional.of(value)));
        } else if (Node.HOST.equals(node)) {
            state.hostSysctls().forEach(record -> keys.put(record.key(), Optional.empty()));
        }
        List<LabView.Sysctl> sysctls = new ArrayList<>();
        if (keys.isEmpty()) {
            return sysctls;
        }
        try (NetNamespace namespace = Node.HOST.equals(node) ? NetNamespace.host() : NamedNamespaces.open(node)) {
            keys.forEach((key, set) -> sysctls.add(new LabView.Sysctl(key, Sysctl.read(namespace, key).strip(), set)));
        }
        return sysctls;
    }
}
