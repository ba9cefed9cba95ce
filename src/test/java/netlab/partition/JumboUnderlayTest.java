package netlab.partition;

import static netlab.partition.SimulatedMachines.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import netlab.partition.SimulatedMachines.Agent;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 9000-byte variant of the simulated machines: a link written with MTU 9000 whose ends fall
 * on two machines is clamped to what a tunnel over the underlay carries (8950), and carries it.
 */
@KernelTest
class JumboUnderlayTest {
    @TempDir
    static Path dir;

    private static Agent[] agents = new Agent[2];

    @BeforeAll
    static void upOverTwoMachines() throws Exception {
        SimulatedMachines.add(2, 9000);
        Path topo = Files.writeString(dir.resolve("jumbo.topo"), """
                lab jumbo
                node a
                  link eth0 to b:eth0 address 10.90.0.1/30
                  mtu eth0 9000
                node b
                  address eth0 10.90.0.2/30
                  mtu eth0 9000
                """);
        var partition = NetlabRunner.inProcess("partition", topo.toString(), "--hosts", "2", "--write",
                dir.toString(), "--underlay-mtu", "9000");
        assertThat(partition.exitCode()).as(partition.err()).isZero();
        Files.writeString(dir.resolve("peers"), "192.0.2.1 192.0.2.1\n192.0.2.2 192.0.2.2\n");
        for (int m = 0; m < 2; m++) {
            agents[m] = new Agent(m, dir.resolve("jumbo.p" + m + ".topo"), dir.resolve("peers"), "/run/ready",
                    dir.resolve("agent" + m + ".log")).start();
        }
        for (Agent agent : agents) {
            agent.awaitReady();
        }
    }

    @Test
    void theCutLinkCarries8950BytesWithDontFragmentAndRefusesOneMore() {
        int machine = SimulatedMachines.holds(0, "a") ? 0 : 1;
        assertThat(SimulatedMachines.holds(1 - machine, "b")).as("a and b on two machines").isTrue();
        List<String> ping = List.of("ip", "netns", "exec", "a", "ping", "-c1", "-W2", "-M", "do", "-s");
        assertThat(run(machine, concat(ping, "8922", "10.90.0.2")).exitCode()).isZero();
        var over = run(machine, concat(ping, "8923", "10.90.0.2"));
        assertThat(over.exitCode()).isNotZero();
        assertThat(over.stdout() + over.stderr()).contains("message too long, mtu=8950");
    }

    private static String[] concat(List<String> command, String... more) {
        return java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    @AfterAll
    static void downLeavesNothing() throws Exception {
        SimulatedMachines.stopAndRemove(2, Arrays.asList(agents));
    }
}
