package netlab.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.kernel.Sysctl;

/**
 * br_netfilter with {@code bridge-nf-call-iptables=1} sends frames bridged between two nodes
 * through the IP hooks (iptables and nf_tables), so a FORWARD drop or a firewall rule meant for
 * routed traffic drops traffic inside one bridge too. A warning: alone it drops nothing.
 */
final class BridgeNetfilter {
    private static final Path SETTINGS = Path.of("/proc/sys/net/bridge");

    private BridgeNetfilter() {}

    /** Equivalent to: {@code sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables}. */
    static List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        for (String key : List.of("bridge-nf-call-iptables", "bridge-nf-call-ip6tables")) {
            if ("1".equals(read(SETTINGS.resolve(key)))) {
                findings.add(Finding.warning("br_netfilter sends bridged traffic through the firewall (net.bridge." + key
                        + " = 1), so a forward drop or firewall rule also drops traffic between nodes on one bridge",
                        "sysctl -w net.bridge." + key + "=0 (Docker and Kubernetes set it; only if nothing here needs it)"));
            }
        }
        return findings;
    }

    private static String read(Path file) {
        try {
            return Sysctl.readOnce(file);
        } catch (java.io.UncheckedIOException e) {
            return null; // no br_netfilter: nothing to say
        }
    }
}
