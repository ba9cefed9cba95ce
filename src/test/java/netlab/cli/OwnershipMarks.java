package netlab.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import netlab.state.LabGroups;
import netlab.testing.KernelState;

/**
 * What {@code netlab up} adds to a lab so that {@code down} removes only what it made, and its
 * plan (the user's {@code ip} commands) rightly leaves out (README, Safety). Taken out of the
 * state up left, and only where netlab puts it, so that the rest compares as it is.
 */
final class OwnershipMarks {
    /** The route protocol netlab gives its routes; {@code ip route add} gives {@code boot}. */
    private static final String NETLAB_PROTOCOL = "211";

    private OwnershipMarks() {}

    static KernelState removedFrom(KernelState up, String lab) {
        Map<String, Map<String, Map<String, String>>> namespaces = new TreeMap<>();
        up.namespaces().forEach((namespace, objects) -> {
            Map<String, Map<String, String>> unmarked = new TreeMap<>();
            objects.forEach((object, fields) -> {
                Map<String, String> copy = new HashMap<>(fields);
                if (namespace.equals(KernelState.HOST) && object.startsWith("link ")) {
                    // Every interface netlab makes in the host carries the lab's group and alias
                    // (ip prints a group without a name in /etc/iproute2/group as a signed number).
                    copy.remove("ifalias", "netlab:" + lab);
                    copy.replace("group", String.valueOf(LabGroups.of(lab)), "default");
                }
                if (object.startsWith("route ")) {
                    copy.replace("protocol", NETLAB_PROTOCOL, "boot");
                }
                unmarked.put(object, new TreeMap<>(copy));
            });
            namespaces.put(namespace, unmarked);
        });
        return new KernelState(namespaces);
    }
}
