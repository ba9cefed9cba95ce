package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step the resolver accepts but the kernel refuses: up exits 4, names the statement that made
 * the step, and removes everything it had already made (all or nothing), host sysctls included.
 */
@KernelTest
class KernelRefusalTest {
    @TempDir
    Path directory;

    private KernelTraces before;

    @BeforeEach
    void snapshot() {
        before = KernelTraces.take();
        assertThat(before.ipForward()).isEqualTo("0");
    }

    @AfterEach
    void nothingIsLeft() {
        assertThat(netlab("ls").out()).isEqualTo("no lab is up\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void aSysctlValueTheKernelRefusesUndoesEverythingMadeBeforeIt() throws Exception {
        // Namespace, bridge and veth pair are made before sysctls; the first host sysctl is set
        // (forwarding, which also turns on net.ipv4.ip_forward) before the second is refused.
        Path file = Cli.topology(directory, "refused-sysctl.topo", """
                lab refused
                host
                  bridge rbr0 10.66.0.254/24
                  sysctl net.ipv4.conf.all.forwarding=1
                  sysctl net.ipv4.ip_forward=abc
                node r1
                  link eth0 to rbr0 address 10.66.0.1/24
                """);

        Run up = netlab("up", file.toString());

        assertThat(up.exitCode()).isEqualTo(ExitCodes.KERNEL);
        assertThat(up.out()).isEmpty();
        assertThat(up.err()).isEqualTo("netlab: " + file + ":5:3: sysctl -w net.ipv4.ip_forward=abc: "
                + "cannot set net.ipv4.ip_forward=abc in the host namespace: Invalid argument\n");
    }

    @Test
    void anMtuTheKernelRefusesUndoesEverythingMadeBeforeIt() throws Exception {
        // Namespaces, the veth pair and the macvlan come first; a macvlan may not be larger than
        // its parent, here one of the machine's own interfaces, whose MTU only the kernel knows
        // (the language refuses it when the lab makes the parent).
        Shell.check("ip", "link", "add", "nic0", "mtu", "1400", "type", "veth", "peer", "name", "nic1");
        try {
            Path file = Cli.topology(directory, "refused-mtu.topo", """
                    lab refused
                    host
                      bridge rbr0 10.66.0.254/24
                    node r1
                      link eth0 to r2:eth0 address 10.66.1.1/24
                    node r2
                      macvlan mv0 on host:nic0 address 10.66.2.2/24
                      mtu mv0 9000
                    """);

            Run up = netlab("up", file.toString());

            assertThat(up.exitCode()).isEqualTo(ExitCodes.KERNEL);
            // The step points at the statement that made the interface.
            assertThat(up.err()).isEqualTo("netlab: " + file + ":7:3: ip -n r2 link set dev mv0 mtu 9000: EINVAL (Invalid argument)\n");
            assertThat(up.err().lines().count()).isEqualTo(1);
        } finally {
            Shell.run("ip", "link", "del", "nic0");
        }
    }
}
