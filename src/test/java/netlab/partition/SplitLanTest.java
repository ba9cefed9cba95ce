package netlab.partition;

import static netlab.partition.SimulatedMachines.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.partition.SimulatedMachines.Agent;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.topology.Lab;
import netlab.topology.Macs;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small labs split over two simulated machines, for what the MACs of a split decide: the host's
 * bridge with the gateway's address on one machine and its copy on the other (each copy's MAC
 * its own, or the gateway's frames are taken for the copy's), and permanent neighbour entries
 * naming the far end of a cut link ({@code lladdr peer}, written out by the split).
 */
@KernelTest
class SplitLanTest {
    @TempDir
    Path dir;

    private final Agent[] agents = new Agent[2];

    private void upOverTwoMachines(Path topo, String lab) throws Exception {
        SimulatedMachines.add(2, 1500);
        var partition = NetlabRunner.inProcess("partition", topo.toString(), "--hosts", "2", "--write", dir.toString());
        assertThat(partition.exitCode()).as(partition.err()).isZero();
        Files.writeString(dir.resolve("peers"), "192.0.2.1 192.0.2.1\n192.0.2.2 192.0.2.2\n");
        for (int m = 0; m < 2; m++) {
            agents[m] = new Agent(m, dir.resolve(lab + ".p" + m + ".topo"), dir.resolve("peers"), "/run/ready",
                    dir.resolve("agent" + m + ".log")).start();
        }
        for (Agent agent : agents) {
            agent.awaitReady();
        }
    }

    @AfterEach
    void downLeavesNothing() throws Exception {
        SimulatedMachines.stopAndRemove(2, Arrays.asList(agents));
    }

    /** lan: the host (m0) routes and masquerades for ns1 and ns2 on its bridge, one node per machine. */
    @Test
    void theGatewayOnOneMachineAnswersTheNodeOnTheOther() throws Exception {
        Path topo = Path.of("../topologies/lan.topo").toAbsolutePath();
        upOverTwoMachines(topo, "lan");
        Lab lab = TopologyReader.read(topo);
        Map<String, Integer> machineOf = new java.util.HashMap<>(Map.of("host", 0));
        for (String node : List.of("ns1", "ns2")) {
            machineOf.put(node, SimulatedMachines.holds(0, node) ? 0 : 1);
        }
        assertThat(machineOf.values()).as("a node on each machine").contains(0, 1);

        // The host is machine 0 itself: its namespace is the simulated machine's.
        Set<String> answered = SimulatedMachines.answeredPairs(lab, machineOf,
                Map.of("host", Path.of("/run/netns/simhost-m0")));

        Set<String> expected = new HashSet<>();
        Map<String, String> address = Map.of("host", "192.168.0.254", "ns1", "192.168.0.1", "ns2", "192.168.0.2");
        address.keySet().forEach(from -> address.forEach((to, a) -> {
            if (!to.equals(from)) {
                expected.add(from + " -> " + a);
            }
        }));
        SimulatedMachines.assertAnsweredExactly(answered, expected);
    }

    /** Each end's permanent entry holds the other end's MAC, which the other machine's vxlan has. */
    @Test
    void lladdrPeerOverACutLinkNamesTheFarEndsMac() throws Exception {
        Path topo = Files.writeString(dir.resolve("pair.topo"), """
                lab pair
                node a
                  link eth0 to b:eth0 address 10.91.0.1/30
                  neigh 10.91.0.2 dev eth0 lladdr peer
                node b
                  address eth0 10.91.0.2/30
                  neigh 10.91.0.1 dev eth0 lladdr peer
                """);
        upOverTwoMachines(topo, "pair");
        Macs macs = Macs.of(TopologyReader.read(topo));
        int machineOfA = SimulatedMachines.holds(0, "a") ? 0 : 1;
        for (String node : List.of("a", "b")) {
            int m = node.equals("a") ? machineOfA : 1 - machineOfA;
            String other = node.equals("a") ? "b" : "a";
            JsonNode link = Json.parse(check(m, "ip", "-n", node, "-j", "link", "show", "eth0")).get(0);
            assertThat(link.path("address").asText()).as("%s:eth0", node).isEqualTo(macs.mac(node, "eth0"));
            JsonNode neighbours = Json.parse(check(m, "ip", "-n", node, "-j", "neigh", "show", "dev", "eth0"));
            assertThat(neighbours).as("%s's entries", node).hasSize(1);
            assertThat(neighbours.get(0).path("lladdr").asText()).isEqualTo(macs.mac(other, "eth0"));
            assertThat(neighbours.get(0).path("state").toString()).contains("PERMANENT");
        }
        assertThat(SimulatedMachines.run(machineOfA, "ip", "netns", "exec", "a", "ping", "-c1", "-W2", "10.91.0.2")
                .exitCode()).isZero();
    }
}
