package netlab.partition;

import static netlab.partition.SimulatedMachines.check;
import static netlab.partition.SimulatedMachines.netlabCommand;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.cli.ExitCodes;
import netlab.partition.SimulatedMachines.Agent;
import netlab.testing.KernelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose lab another netlab took down (and perhaps brought up again) while it held it:
 * it stops, and leaves the lab as it is, so a new instance of the part keeps its host bridge,
 * its veth ends and its tunnels, and a later {@code down} of it leaves the machine bare.
 */
@KernelTest
class AgentLabReplacedTest {
    /** Objects in the machine's own namespace (a bridge, a veth end, a tunnel's device) and in a node. */
    private static final String PART = """
            lab rp
            host
              bridge br0 10.93.0.254/24
            node n1
              link eth0 to br0 address 10.93.0.1/24
              vxlan vx1 vni 4250 remote 192.0.2.9 underlay host
            """;

    @TempDir
    Path dir;

    private Agent agent;
    private Path part;

    @BeforeEach
    void oneMachineAndItsAgent() throws Exception {
        SimulatedMachines.add(1, 1500);
        part = Files.writeString(dir.resolve("rp.p0.topo"), PART);
        agent = new Agent(0, part, Files.writeString(dir.resolve("peers"), ""), "/run/ready", dir.resolve("agent.log"))
                .start();
        agent.awaitReady();
    }

    @AfterEach
    void downLeavesNothing() throws Exception {
        agent.stop();
        SimulatedMachines.run(0, netlabCommand("down", "rp")); // a failed test's instance; nothing when passed
        SimulatedMachines.stopAndRemove(1, List.of());
    }

    @Test
    void aLabTakenDownByHandStopsItsAgent() throws Exception {
        check(0, netlabCommand("down", "rp"));

        assertThat(agent.awaitExit()).as(agent.log()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(agent.log()).contains("lab rp was taken down or brought up again by another netlab while this agent"
                + " held it; the agent stops and leaves it as it is");
        SimulatedMachines.assertBare(0);
    }

    @Test
    void aLabBroughtUpAgainByAnotherNetlabIsLeftWholeWhenTheAgentStops() throws Exception {
        check(0, netlabCommand("down", "rp"));
        check(0, netlabCommand("up", part.toString()));
        String links = check(0, "ip", "-br", "link");
        String nodeLinks = check(0, "ip", "-n", "n1", "-br", "link");

        // SIGTERM, whether or not it has noticed yet: 0 (it had not), or the exit of having noticed.
        assertThat(agent.terminate()).as(agent.log()).isIn(ExitCodes.OK, ExitCodes.LAB_STATE);

        assertThat(check(0, "ip", "-br", "link")).as("the new instance's host side").isEqualTo(links).contains("br0");
        assertThat(check(0, "ip", "-n", "n1", "-br", "link")).as("the new instance's node").isEqualTo(nodeLinks)
                .contains("vx1");
        assertThat(check(0, netlabCommand("ls"))).contains("rp");
        check(0, netlabCommand("down", "rp"));
        SimulatedMachines.assertBare(0);
    }
}
