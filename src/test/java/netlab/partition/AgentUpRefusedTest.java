package netlab.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.ExitCodes;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose up the kernel refuses for a reason that will not clear (here a request it does
 * not know, NETLAB_TEST_REFUSE_MESSAGE): said once, exit 4, nothing left; only EEXIST, which an
 * earlier instance's tunnels give for a moment, is tried again (it was tried five times, over
 * six seconds, for a module the kernel lacks).
 */
@KernelTest
class AgentUpRefusedTest {
    @TempDir
    Path dir;

    @BeforeEach
    void oneMachine() {
        SimulatedMachines.add(1, 1500);
    }

    @AfterEach
    void nothingIsLeft() throws Exception {
        SimulatedMachines.stopAndRemove(1, List.of());
    }

    @Test
    void aRefusalThatWillNotClearIsSaidOnceAndNotTriedAgain() throws Exception {
        Path part = Files.writeString(dir.resolve("rf.p0.topo"), """
                lab rf
                node n1
                  link eth0 to n2:eth0 address 10.94.0.1/30
                  vxlan vx1 vni 4260 remote 192.0.2.9 underlay host
                node n2
                  address eth0 10.94.0.2/30
                """);
        // timeout: an agent that tried again would get past the one refused message and hold the lab
        List<String> command = new ArrayList<>(List.of("timeout", "30", "env", "NETLAB_TEST_REFUSE_MESSAGE=2"));
        command.addAll(List.of(SimulatedMachines.netlabCommand("up", part.toString(), "--hold", "--ready-file",
                "/run/ready")));

        Shell.Result agent = SimulatedMachines.run(0, command.toArray(String[]::new));

        assertThat(agent.exitCode()).as(agent.stderr()).isEqualTo(ExitCodes.KERNEL);
        assertThat(agent.stderr()).contains("EOPNOTSUPP").doesNotContain("trying again");
        assertThat(Path.of("/run/simhosts/m0/run/ready")).doesNotExist();
    }

    /** The machine's own vxlan holds the VNI the part asks for: tried as an earlier instance's, then said why. */
    @Test
    void aVniTheMachineHoldsIsSaidToBeTakenAfterTheTries() throws Exception {
        SimulatedMachines.check(0, "ip", "link", "add", "theirs", "type", "vxlan", "id", "4270", "dstport", "4789",
                "remote", "192.0.2.9");
        try {
            Path part = Files.writeString(dir.resolve("vc.p0.topo"), """
                    lab vc
                    node n1
                      vxlan vx1 vni 4270 remote 192.0.2.9 underlay host
                    """);
            List<String> command = new ArrayList<>(List.of("timeout", "60"));
            command.addAll(List.of(SimulatedMachines.netlabCommand("up", part.toString(), "--hold")));

            Shell.Result agent = SimulatedMachines.run(0, command.toArray(String[]::new));

            assertThat(agent.exitCode()).as(agent.stderr()).isEqualTo(ExitCodes.KERNEL);
            assertThat(agent.stderr().lines().filter(line -> line.contains("trying again"))).hasSize(4);
            assertThat(agent.stderr()).contains("A VXLAN device with the specified VNI already exists")
                    .contains("; still so after 5 tries, so no earlier instance holds it: another vxlan of this machine "
                            + "has that VNI and port (netlab partition --vni-base chooses another block)");
        } finally {
            SimulatedMachines.check(0, "ip", "link", "del", "theirs");
        }
    }
}
