package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.executor.step.StepFailedException;
import netlab.executor.step.Steps;
import netlab.kernel.Kernel;
import netlab.kernel.NamedNamespaces;
import netlab.plan.Planner;
import netlab.state.LabGroups;
import netlab.state.StateStore;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A namespace name taken by someone else after netlab checked it (the check runs before up,
 * so this executor is driven directly): the namespaces the batch made go, the lab leaves
 * nothing, and the other's namespace stays as it was (its pending record is dropped, not
 * taken for one of the lab's).
 */
@KernelTest
class NamespaceFailureTest {
    @TempDir
    Path directory;

    @AfterEach
    void removeTheOthersNamespace() {
        Shell.run("ip", "netns", "del", "h17");
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }

    @Test
    void aNameTakenMeanwhileFailsUpWhichRemovesAllItMadeAndNothingElse() throws Exception {
        StringBuilder topology = new StringBuilder("lab race\nhost\n  bridge br0 10.0.255.254/16\n");
        for (int i = 1; i <= 30; i++) {
            topology.append("node h").append(i).append("\n  link eth0 to br0 address 10.0.0.").append(i + 1)
                    .append("/16\n");
        }
        Path file = directory.resolve("race.topo");
        Files.writeString(file, topology);
        Lab lab = TopologyReader.read(file);
        Shell.check("ip", "netns", "add", "h17");
        Object theirs = Files.getAttribute(NamedNamespaces.pathOf("h17"), "unix:ino");
        String hostLinksBefore = Shell.check("ip", "-o", "link", "show");
        StateStore store = new StateStore(directory.resolve("state"));

        // The conflict check ran before h17 was taken: build is what runs after it.
        assertThatThrownBy(() -> new Executor(store).build(lab, Steps.of(Planner.plan(lab)), StepTimes.NONE, new Kernel(), LabGroups.of(lab.name())))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("ip netns add h17")
                .hasMessageContaining("already exists");

        assertThat(Shell.check("ip", "netns", "list").strip()).isEqualTo("h17");
        assertThat(Files.getAttribute(NamedNamespaces.pathOf("h17"), "unix:ino")).isEqualTo(theirs);
        assertThat(Shell.check("ip", "-o", "link", "show")).isEqualTo(hostLinksBefore);
        assertThat(store.load("race")).isEmpty();
    }
}
