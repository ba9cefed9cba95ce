package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netlab.sys.Errno;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespaces made by netlab and by iproute2 are the same kind of thing, seen by both. */
@KernelTest
class NamedNamespacesTest {
    @AfterEach
    void removeLeftovers() {
        for (String name : NamedNamespaces.list()) {
            NamedNamespaces.delete(name);
        }
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }

    @Test
    void namespaceMadeByNetlabIsUsableByIpNetns() {
        try (NetNamespace created = NamedNamespaces.create("nl-made")) {
            assertThat(Shell.check("ip", "netns", "list")).contains("nl-made");
            String links = Shell.check("ip", "netns", "exec", "nl-made", "ip", "-j", "link", "show");
            assertThat(links).contains("\"ifname\":\"lo\"").doesNotContain("eth0");
            // The same namespace: ip netns exec runs a program whose namespace has our inode.
            String inode = Shell.check("ip", "netns", "exec", "nl-made", "stat", "-L", "-c", "%i", "/proc/self/ns/net");
            assertThat(Long.parseLong(inode.strip())).isEqualTo(created.inode());
        }
    }

    @Test
    void namespaceMadeByIpIsOpenedByNetlab() {
        Shell.check("ip", "netns", "add", "ip-made");
        Shell.check("ip", "-n", "ip-made", "link", "add", "br-ip", "type", "bridge");

        try (NetNamespace opened = NamedNamespaces.open("ip-made")) {
            String inside = opened.call(() -> Shell.check("ip", "-j", "link", "show"));
            assertThat(inside).contains("\"ifname\":\"br-ip\"");
            assertThat(Shell.check("ip", "-j", "link", "show")).doesNotContain("br-ip");
        }
        assertThat(NamedNamespaces.list()).containsExactly("ip-made");
    }

    @Test
    void deleteRemovesItFromIpNetnsList() {
        NamedNamespaces.create("short-lived").close();
        NamedNamespaces.delete("short-lived");

        assertThat(Shell.check("ip", "netns", "list")).doesNotContain("short-lived");
        assertThat(NamedNamespaces.exists("short-lived")).isFalse();
    }

    @Test
    void creatingAnExistingNamespaceFailsWithEexistAndLeavesItAlone() {
        Shell.check("ip", "netns", "add", "taken");
        String inodeBefore = Shell.check("stat", "-L", "-c", "%i", "/run/netns/taken");

        assertThatThrownBy(() -> NamedNamespaces.create("taken"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageContaining("create namespace taken");
        assertThat(Shell.check("stat", "-L", "-c", "%i", "/run/netns/taken")).isEqualTo(inodeBefore);
    }

    @Test
    void namesThatAreNotPlainFileNamesAreRefusedBeforeAnythingIsTouched() {
        for (String bad : List.of("../etc", "a/b", ".hidden", "-n", "", "x".repeat(65), "tab\there")) {
            assertThatThrownBy(() -> NamedNamespaces.create(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(NamedNamespaces.list()).isEmpty();
    }
}
