package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many namespaces at once on a few workers, each set up from inside, and a batch that stops. */
@KernelTest
class NamespaceBatchTest {
    @AfterEach
    void removeLeftovers() {
        for (String name : NamedNamespaces.list()) {
            NamedNamespaces.delete(name);
        }
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
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
}
