package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.cli.ExitCodes;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 6: the host's own lo is not the lab's, so what a lab sets on it (addresses,
 * routes, neighbour entries, its MTU) is recorded before it is made, with the old MTU, and
 * undone by down: lo ends as it was.
 */
@KernelTest
class HostLoopbackTest {
    private static final String LO_LAB = """
            lab lolab
            host
              address lo 10.77.0.1/24 2001:db8:77::1/64
              mtu lo 9000
              route 10.88.0.0/24 dev lo
              route 10.89.0.0/24 via 10.77.0.2 metric 7
              route 2001:db8:88::/64 dev lo
              neigh 2001:db8:77::9 dev lo lladdr 02:00:00:00:77:09
              neigh 10.77.0.9 dev lo lladdr 02:00:00:00:77:0a
            node n1
            """;

    @TempDir
    Path directory;

    private KernelTraces before;
    private String neighbours;

    @BeforeEach
    void takeTheMachinesState() {
        before = KernelTraces.take();
        neighbours = loNeighbours();
    }

    @AfterEach
    void removeLabsLeftUp() {
        Netlab.removeLabsLeftUp();
    }

    private static String loNeighbours() {
        return Shell.check("ip", "neigh", "show", "dev", "lo", "nud", "permanent");
    }

    private Path file(String text) throws Exception {
        return Files.writeString(directory.resolve("lolab.topo"), text);
    }

    @Test
    void downRemovesWhatTheLabSetOnLoAndPutsItsMtuBack() throws Exception {
        Run up = Netlab.run("up", file(LO_LAB).toString());
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(Shell.check("ip", "-o", "addr", "show", "dev", "lo")).contains("10.77.0.1/24", "2001:db8:77::1/64");
        assertThat(Shell.check("ip", "link", "show", "dev", "lo")).contains("mtu 9000");
        // The kernel keeps lo's IPv4 entries under 0.0.0.0.
        assertThat(loNeighbours()).contains("2001:db8:77::9", "0.0.0.0 lladdr 02:00:00:00:77:0a");

        Run down = Netlab.run("down", "lolab");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
        assertThat(loNeighbours()).isEqualTo(neighbours);
    }

    /** up failing before each of its steps in turn (the fault hook) leaves lo as it was every time. */
    @Test
    void anUpThatFailsAtAnyStepLeavesLoAsItWas() throws Exception {
        Path file = file(LO_LAB);
        int steps = Steps.of(Planner.plan(TopologyReader.read(file))).size();
        for (int k = 0; k < steps; k++) {
            Run up;
            System.setProperty("netlab.test.failBeforeStep", Integer.toString(k));
            try {
                up = Netlab.run("up", file.toString());
            } finally {
                System.clearProperty("netlab.test.failBeforeStep");
            }

            assertThat(up.exitCode()).as("fail before step " + k + ": " + up.err()).isEqualTo(ExitCodes.KERNEL);
            assertThat(KernelTraces.take()).as("fail before step " + k).isEqualTo(before);
            assertThat(loNeighbours()).as("fail before step " + k).isEqualTo(neighbours);
        }
    }

    /** What is gone already (a down killed after undoing it, or a hand) is done: down finishes. */
    @Test
    void whatIsGoneAlreadyIsDone() throws Exception {
        assertThat(Netlab.run("up", file(LO_LAB).toString()).exitCode()).isEqualTo(ExitCodes.OK);
        Shell.check("ip", "route", "del", "10.88.0.0/24", "dev", "lo");
        Shell.check("ip", "neigh", "del", "2001:db8:77::9", "dev", "lo");
        Shell.check("ip", "addr", "del", "10.77.0.1/24", "dev", "lo");

        Run down = Netlab.run("down", "lolab");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
        assertThat(loNeighbours()).isEqualTo(neighbours);
    }

    /** An address lo has already is not the lab's to make, nor to remove: up refuses before any change. */
    @Test
    void anAddressLoHasAlreadyIsRefusedAndKept() throws Exception {
        Shell.check("ip", "addr", "add", "10.77.0.1/24", "dev", "lo");
        KernelTraces withIt = KernelTraces.take();

        Run up = Netlab.run("up", file(LO_LAB).toString());

        assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(up.err()).contains("address 10.77.0.1/24 is already on the host's lo and does not belong to lab lolab");
        assertThat(KernelTraces.take()).isEqualTo(withIt);
        Shell.check("ip", "addr", "del", "10.77.0.1/24", "dev", "lo");
    }

    /** One lab at a time may set lo's MTU: whoever went down first would undo the other's. */
    @Test
    void aSecondLabSettingLosMtuIsRefusedBeforeAnyChange() throws Exception {
        Path first = Files.writeString(directory.resolve("mtu1.topo"), "lab mtu1\nhost\n  mtu lo 9000\n");
        Path second = Files.writeString(directory.resolve("mtu2.topo"), "lab mtu2\nhost\n  mtu lo 9000\nnode m2\n");
        assertThat(Netlab.run("up", first.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        Run refused = Netlab.run("up", second.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(refused.err()).contains("the MTU of the host's lo is lab mtu1's change; one lab at a time may set it");
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
        assertThat(Netlab.run("down", "mtu1").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
    }
}
