package netlab.partition;

import static netlab.partition.SimulatedMachines.check;
import static netlab.partition.SimulatedMachines.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.partition.SimulatedMachines.Agent;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 150-node lab split over three simulated machines, each part held by a real agent: the nodes
 * are all ports of one bridge (split into a copy per machine) and a ring of point-to-point links
 * (three or more of them cut). Every pair that should answer does, across machines, after a
 * crash, and after a machine moves.
 */
@KernelTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitLabTest {
    private static final int NODES = 150;
    private static final int MACHINES = 3;

    @TempDir
    static Path dir;

    private static final Agent[] AGENTS = new Agent[MACHINES];

    /** Every node a port of sw:hub (10.99.0.N/16) and linked to the next in a ring (172.16.N.0/30). */
    static final RingWithHub LAB = new RingWithHub("split", NODES, "10.99", "172.16");

    @BeforeAll
    static void machinesAndParts() throws IOException {
        SimulatedMachines.add(MACHINES, 1500);
        Path topo = dir.resolve("split.topo");
        Files.writeString(topo, LAB.text());
        var run = NetlabRunner.inProcess("partition", topo.toString(), "--hosts", "3", "--write", dir.toString(),
                "--vni-base", "7000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        writePeers("192.0.2.3");
        for (int m = 0; m < MACHINES; m++) {
            AGENTS[m] = agent(m).start();
        }
        for (Agent agent : AGENTS) {
            agent.awaitReady();
        }
    }

    private static Agent agent(int machine) {
        return new Agent(machine, dir.resolve("split.p" + machine + ".topo"), dir.resolve("peers"), "/run/ready",
                dir.resolve("agent" + machine + ".log"));
    }

    /** The peers file every agent watches: the parts' placeholders, m2's mapped to {@code m2}. */
    private static void writePeers(String m2) {
        SimulatedMachines.writePeers(dir.resolve("peers"), "192.0.2.1 192.0.2.1\n192.0.2.2 192.0.2.2\n192.0.2.3 " + m2 + "\n");
    }

    private static Map<String, Integer> machines() {
        return LAB.machines(MACHINES);
    }

    private static void assertEveryPairAnswers() {
        LAB.assertEveryPairAnswers(MACHINES);
    }

    @Test
    @Order(1)
    void everyNodeReachesEveryOtherOverTheSplitBridgeAndItsRingNeighboursOverTheirLinks() {
        Map<String, Integer> machineOf = machines();
        for (int m = 0; m < MACHINES; m++) {
            int machine = m;
            assertThat(machineOf.values().stream().filter(v -> v == machine).count()).as("nodes on m%d", m)
                    .isBetween(45L, 55L);
        }
        assertEveryPairAnswers();
    }

    @Test
    @Order(2)
    void aCutLinkCarries1422BytesOfPingWithDontFragmentAndRefusesOneMore() {
        int n = LAB.cutRingLink(MACHINES);
        int machine = machines().get("n" + n);
        String far = "172.16." + n + ".2";
        assertThat(run(machine, "ip", "netns", "exec", "n" + n, "ping", "-c1", "-W2", "-M", "do", "-s", "1422", far)
                .exitCode()).isZero();
        var over = run(machine, "ip", "netns", "exec", "n" + n, "ping", "-c1", "-W2", "-M", "do", "-s", "1423", far);
        assertThat(over.exitCode()).isNotZero();
        assertThat(over.stdout() + over.stderr()).contains("message too long, mtu=1450");
    }

    @Test
    @Order(3)
    void theUnderlayCarriesOnlyVxlanOfTheLabsVnis() throws Exception {
        Path capture = dir.resolve("underlay.txt");
        Process tcpdump = new ProcessBuilder("tcpdump", "-n", "-l", "-i", "underlay", "-c", "500", "ip or ip6 or arp")
                .redirectOutput(capture.toFile()).redirectError(dir.resolve("tcpdump.err").toFile()).start();
        SimulatedMachines.awaitListening(tcpdump, dir.resolve("tcpdump.err"));
        assertEveryPairAnswers();
        tcpdump.destroy();
        tcpdump.waitFor(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(capture).stream().filter(l -> !l.isBlank()).toList();
        // A packet's line starts with its time; tcpdump decodes VXLAN ("VXLAN, flags [I] (0x08), vni N")
        // and prints the frame inside on the next line, without a time.
        Pattern outer = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ (.*)$");
        Set<String> vnis = SimulatedMachines.vnisOfParts(dir, "split", MACHINES);
        int tunnelled = 0;
        boolean inVxlan = false;
        for (String line : lines) {
            Matcher packet = outer.matcher(line);
            if (!packet.matches()) {
                assertThat(inVxlan).as("a frame inside VXLAN: %s", line).isTrue();
                assertThat(line).as("inside VXLAN only the lab's own traffic").containsPattern("10\\.99\\.|172\\.16\\.");
                tunnelled++;
                inVxlan = false;
                continue;
            }
            String text = packet.group(1);
            inVxlan = text.contains(".4789: VXLAN");
            if (inVxlan) {
                assertThat(text).containsPattern("^IP 192\\.0\\.2\\.\\d+\\.\\d+ > 192\\.0\\.2\\.\\d+\\.4789: VXLAN");
                assertThat(vnis).as("the lab's VNIs").contains(text.replaceFirst(".* vni (\\d+)$", "$1"));
            } else {
                // The machines' own ARP for each other: nothing else crosses the underlay.
                assertThat(text).containsPattern("^ARP, .*192\\.0\\.2\\.");
            }
        }
        assertThat(tunnelled).as("frames seen inside VXLAN").isGreaterThan(100);
    }

    @Test
    @Order(4)
    void aKilledAgentRestartedInPlaceCleansUpAndTheLabWorksAgain() throws Exception {
        AGENTS[1].kill();
        assertThat(Path.of("/run/simhosts/m1/run/netlab")).as("the killed part's record").isNotEmptyDirectory();
        Files.delete(AGENTS[1].readyFile());
        AGENTS[1] = agent(1).start();
        AGENTS[1].awaitReady();
        assertThat(AGENTS[1].log()).contains("was left by an earlier instance; taking it down first");
        assertEveryPairAnswers();
    }

    /**
     * m2 comes back at another underlay address (as a part's pod rescheduled on another node):
     * once the peers file says so, the other agents re-point their tunnels in place, the cut
     * links' remotes and the split bridge's flooding entries alike, and every pair answers again.
     */
    @Test
    @Order(5)
    void aMachineAtANewAddressIsFoundByItsPeersAndTheLabWorksAgain() throws Exception {
        Shell.check(SimulatedMachines.SIMHOST, "move", "m2", "192.0.2.13/24");
        writePeers("192.0.2.13");
        for (int m = 0; m < 2; m++) {
            AGENTS[m].awaitSaying("re-pointed");
            String farEnds = check(m, "sh", "-c", "for n in $(ls /run/netns); do ip -n $n -d -j link show type vxlan; "
                    + "bridge -n $n -j fdb show | grep -o '\"dst\":\"[0-9.]*\"'; done");
            assertThat(farEnds).as("m%d's tunnels", m).contains("\"192.0.2.13\"").doesNotContain("\"192.0.2.3\"");
        }
        assertEveryPairAnswers();
    }

    @AfterAll
    static void downEverywhereLeavesNothing() throws Exception {
        try {
            for (Agent agent : AGENTS) {
                if (agent != null) {
                    agent.stop(); // SIGTERM: each agent takes its part down
                }
            }
            for (int m = 0; m < MACHINES; m++) {
                SimulatedMachines.assertBare(m);
                assertThat(check(m, "ls", "-A", "/run/netlab")).as("m%d's records", m).doesNotContain("split");
            }
        } finally {
            SimulatedMachines.remove(MACHINES);
        }
    }
}
