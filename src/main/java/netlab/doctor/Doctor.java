package netlab.doctor;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.Kernel;
import netlab.kernel.KernelFeatures;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.sys.NetlinkSocket;
import netlab.topology.Lab;

/**
 * {@code netlab doctor}: looks at the machine for what would make a lab fail or misbehave, and
 * changes nothing in use: netlink dumps, reads of /proc, and as root a trial of what labs need in
 * a throwaway namespace. What only root may read, a user is told was not checked.
 */
public final class Doctor {
    private Doctor() {}

    /**
     * Every finding, in a fixed order: the kernel, user namespaces, the firewall, mounts, and
     * {@code labs}' subnets against the machine's routes.
     */
    public static List<Finding> examine(boolean root, List<Lab> labs) {
        List<Finding> findings = new ArrayList<>();
        try (Kernel kernel = new Kernel(); NetNamespace host = NetNamespace.host()) {
            // Root tries what labs need for real; a user reads what the kernel says of itself.
            if (root) {
                findings.addAll(KernelTrial.check(kernel));
            }
            findings.addAll(KernelChecks.check(KernelFeatures.ofRunningKernel(), !root));
            findings.addAll(UserNamespaceCheck.check(root));
            if (root) {
                findings.addAll(ForwardPolicy.check(kernel.channel(host, NetlinkSocket.NETLINK_NETFILTER,
                        NftablesDecoder.INSTANCE)));
            } else {
                findings.add(Finding.needsRoot("cannot list the nf_tables chains (a forward hook with policy drop)"));
            }
            findings.addAll(BridgeNetfilter.check());
            findings.addAll(LegacyIptables.check());
            findings.addAll(NetnsPropagation.check());
            try (NetlinkChannel route = kernel.routeHere()) {
                findings.addAll(RouteOverlap.check(route, labs));
            }
        }
        return findings;
    }

    /** Whether a finding blocks a lab: doctor's exit status is 1 then. */
    public static boolean blocks(List<Finding> findings) {
        return findings.stream().anyMatch(finding -> finding.level() == Finding.Level.PROBLEM);
    }
}
