package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code show} of dual-stack-nat, a lab with a router namespace: the sysctls the file sets in a
 * namespace (not the host) with their live values, a veth between two namespaces naming its
 * peer both ways, and nothing marked as made by hand on a lab just up, IPv6 link-locals included.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class ShowRouterLabTest {
    private static Run netlab(String... args) {
        return NetlabRunner.inProcess(args);
    }

    @Test
    void aRoutersSysctlsAndPeersAreShownAndNothingIsMarkedOnALabJustUp() {
        Run up = netlab("up", "../topologies/dual-stack-nat.topo");
        assertThat(up.exitCode()).as(up.err()).isZero();
        try {
            Run show = netlab("show", "dual-stack-nat");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).doesNotContain("made by hand").doesNotContain("cannot read").doesNotContain("not compared");

            String router = netlab("show", "dual-stack-nat", "router").out();
            // The oracle: sysctl itself, inside the router.
            assertThat(Shell.check("ip", "netns", "exec", "router", "sysctl", "net.ipv4.ip_forward",
                    "net.ipv6.conf.all.forwarding")).isEqualTo("net.ipv4.ip_forward = 1\nnet.ipv6.conf.all.forwarding = 1\n");
            assertThat(router).endsWith("  sysctls set by the lab (live values):\n"
                    + "    net.ipv4.ip_forward = 1\n    net.ipv6.conf.all.forwarding = 1\n");

            // The oracle: the ifindexes ip reports for the pair, each end's link_index the other's ifindex.
            String wan = Shell.check("ip", "-n", "router", "-o", "link", "show", "wan");
            String eth0 = Shell.check("ip", "-n", "upstream", "-o", "link", "show", "eth0");
            assertThat(wan).contains("wan@if" + eth0.split(":")[0] + ":");
            assertThat(eth0).contains("eth0@if" + wan.split(":")[0] + ":");
            assertThat(row(router, "wan")).contains(" upstream:eth0 ");
            assertThat(row(netlab("show", "dual-stack-nat", "upstream").out(), "eth0")).contains(" router:wan ");
        } finally {
            Run down = netlab("down", "dual-stack-nat");
            assertThat(down.exitCode()).as(down.err()).isZero();
        }
    }

    /** The interface table's row for {@code name}, its columns one blank apart. */
    private static String row(String shown, String name) {
        List<String> rows = shown.lines().filter(line -> line.startsWith("  " + name + " ")).toList();
        assertThat(rows).hasSize(1);
        return String.join(" ", rows.getFirst().strip().split("\\s+")) + " ";
    }
}
