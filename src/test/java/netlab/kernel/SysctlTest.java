package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class SysctlTest {
    private NetNamespace node;

    @BeforeEach
    void createNode() {
        node = NamedNamespaces.create("sysctl-node");
    }

    @AfterEach
    void deleteNode() {
        node.close();
        NamedNamespaces.delete("sysctl-node");
    }

    @Test
    void writeChangesOnlyTheTargetNamespaceAndReturnsTheOldValue() {
        String hostBefore = Shell.check("sysctl", "-n", "net.ipv4.ip_forward").strip();

        String old = Sysctl.write(node, "net.ipv4.ip_forward", "1");

        assertThat(old).isEqualTo("0"); // a new namespace starts with forwarding off
        assertThat(Shell.check("ip", "netns", "exec", "sysctl-node", "sysctl", "-n", "net.ipv4.ip_forward").strip())
                .isEqualTo("1");
        assertThat(Sysctl.read(node, "net.ipv4.ip_forward")).isEqualTo("1");
        assertThat(Shell.check("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo(hostBefore);
    }

    @Test
    void restoringTheOldValuePutsItBack() {
        String old = Sysctl.write(node, "net.ipv6.conf.all.forwarding", "1");
        Sysctl.write(node, "net.ipv6.conf.all.forwarding", old);

        assertThat(Shell.check("ip", "netns", "exec", "sysctl-node", "sysctl", "-n", "net.ipv6.conf.all.forwarding")
                .strip()).isEqualTo(old);
    }

    /**
     * A /proc/sys file has size 0, and a numeric sysctl answers a read past offset 0 with end of
     * file: read byte by byte, 64 was "6", the value the host's ledger then restored at down.
     */
    @Test
    void valuesOfSeveralCharactersAreReadWhole() {
        Sysctl.write(node, "net.ipv4.ip_default_ttl", "123");
        Sysctl.write(node, "net.ipv4.ping_group_range", "100 200");

        assertThat(Sysctl.read(node, "net.ipv4.ip_default_ttl")).isEqualTo("123");
        assertThat(Sysctl.read(node, "net.ipv4.ping_group_range")).isEqualTo("100\t200");
        assertThat(Sysctl.write(node, "net.ipv4.ip_default_ttl", "64")).isEqualTo("123");
        assertThat(Shell.check("ip", "netns", "exec", "sysctl-node", "sysctl", "-n", "net.ipv4.ip_default_ttl").strip())
                .isEqualTo("64");
    }

    @Test
    void onlyNetworkKeysAreAccepted() {
        assertThatThrownBy(() -> Sysctl.write(node, "kernel.hostname", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sysctl.read(node, "net.ipv4/../../kernel/hostname"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
