package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import netlab.sys.Errno;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Namespaces made by netlab and by iproute2 are the same kind of thing, seen by both; many are
 * made at once on a few workers, each set up from inside.
 */
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

    @Test
    void everyNamespaceIsMadeAsIpNetnsMakesItAndSetUpFromInside() throws Exception {
        List<String> names = IntStream.rangeClosed(1, 24).mapToObj(i -> "batch" + i).toList();

        NamespaceBatch.Result<Long> result = NamespaceBatch.create(names, 3,
                name -> NetNamespace.inodeOf(Path.of("/proc/thread-self/ns/net")));

        assertThat(result.failure()).isEmpty();
        assertThat(result.made().keySet()).containsExactlyElementsOf(names);
        assertThat(Shell.check("ip", "netns", "list").lines().map(line -> line.split(" ")[0]))
                .containsExactlyInAnyOrderElementsOf(names);
        List<Long> inodes = new ArrayList<>();
        for (String name : names) {
            NamespaceBatch.Made<Long> made = result.made().get(name);
            long inode = made.namespace().inode();
            // The setup ran inside the namespace it was given, which is the one /run/netns names.
            assertThat(made.setup()).isEqualTo(inode);
            String seen = Shell.check("ip", "netns", "exec", name, "stat", "-L", "-c", "%i", "/proc/self/ns/net");
            assertThat(Long.parseLong(seen.strip())).isEqualTo(inode);
            inodes.add(inode);
            made.namespace().close();
        }
        assertThat(inodes).doesNotHaveDuplicates();
    }

    @Test
    void aNameTakenByAnotherStopsTheBatchAndLeavesItAlone() throws Exception {
        Shell.check("ip", "netns", "add", "taken5");
        long theirs = NetNamespace.inodeOf(NamedNamespaces.pathOf("taken5"));
        List<String> names = IntStream.rangeClosed(1, 12).mapToObj(i -> "taken" + i).toList();

        NamespaceBatch.Result<String> result = NamespaceBatch.create(names, 2, name -> name);

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.name()).isEqualTo("taken5");
            assertThat(failure.cause()).hasMessageContaining("already exists");
        });
        assertThat(result.made()).doesNotContainKey("taken5");
        // Theirs is untouched; every one the batch reports exists; no file is left half made.
        assertThat(NetNamespace.inodeOf(NamedNamespaces.pathOf("taken5"))).isEqualTo(theirs);
        for (String name : names) {
            boolean made = result.made().containsKey(name);
            assertThat(Files.exists(NamedNamespaces.pathOf(name))).as(name).isEqualTo(made || name.equals("taken5"));
        }
        result.made().values().forEach(made -> made.namespace().close());
    }

    /**
     * The identities are told before any name exists (the lab's record is written there), and
     * are those of the namespaces that then appear under the names; if telling fails, no name
     * ever appears.
     */
    @Test
    void identitiesAreToldBeforeAnyNameIsVisible() throws Exception {
        List<String> names = IntStream.rangeClosed(1, 8).mapToObj(i -> "told" + i).toList();
        java.util.Map<String, NamespaceIdentity> told = new java.util.LinkedHashMap<>();

        NamespaceBatch.Result<String> result = NamespaceBatch.create(names, 2, name -> name, identities -> {
            assertThat(NamedNamespaces.list()).isEmpty();
            told.putAll(identities);
        });

        assertThat(told.keySet()).containsExactlyElementsOf(names);
        for (String name : names) {
            try (NetNamespace named = NamedNamespaces.open(name)) {
                long cookie = NamespaceCookies.of(List.of(named)).getFirst();
                assertThat(told.get(name)).isEqualTo(new NamespaceIdentity(named.inode(), cookie));
                assertThat(cookie).isPositive();
            }
        }
        assertThat(told.values().stream().map(NamespaceIdentity::cookie)).doesNotHaveDuplicates();
        result.made().values().forEach(made -> made.namespace().close());

        assertThatThrownBy(() -> NamespaceBatch.create(List.of("never1", "never2"), 2, name -> name, identities -> {
            throw new IllegalStateException("the record could not be written");
        })).hasMessage("the record could not be written");
        assertThat(NamedNamespaces.list()).containsExactlyInAnyOrderElementsOf(names);
    }
}
