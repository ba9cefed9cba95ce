package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.executor.step.StepFailedException;
import netlab.executor.step.Steps;
import netlab.kernel.Kernel;
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
 * An address someone puts on the host's lo after up checked it was free (the check runs before
 * up, so this executor is driven directly): the kernel refuses the lab's, the record forgets it
 * (Journal.notMade), and the rollback leaves the other's address where it is.
 */
@KernelTest
class LoopbackRaceTest {
    @TempDir
    Path directory;

    @AfterEach
    void removeTheirs() {
        Shell.run("ip", "addr", "del", "10.77.0.1/24", "dev", "lo");
    }

    @Test
    void anAddressTakenMeanwhileIsLeftToItsOwner() throws Exception {
        Path file = Files.writeString(directory.resolve("race.topo"), """
                lab race
                host
                  address lo 10.77.0.1/24 10.77.1.1/24
                  mtu lo 9000
                node n1
                """);
        Lab lab = TopologyReader.read(file);
        Shell.check("ip", "addr", "add", "10.77.0.1/24", "dev", "lo");
        String loBefore = Shell.check("ip", "-o", "addr", "show", "dev", "lo") + Shell.check("ip", "link", "show", "lo");
        StateStore store = new StateStore(directory.resolve("state"));

        assertThatThrownBy(() -> new Executor(store).build(lab, Steps.of(Planner.plan(lab)), StepTimes.NONE, new Kernel(), LabGroups.of(lab.name())))
                .isInstanceOf(StepFailedException.class).hasMessageContaining("ip addr add 10.77.0.1/24 dev lo");

        assertThat(Shell.check("ip", "-o", "addr", "show", "dev", "lo") + Shell.check("ip", "link", "show", "lo"))
                .isEqualTo(loBefore);
        assertThat(store.record("race")).isEmpty();
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }
}
