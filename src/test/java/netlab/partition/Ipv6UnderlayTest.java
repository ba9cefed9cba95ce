package netlab.partition;

import static netlab.partition.SimulatedMachines.check;
import static netlab.partition.SimulatedMachines.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * A lab split over three simulated machines whose underlay is IPv6 (2001:db8::1, ::2, ::3): the
 * tunnels' far ends and the split bridge's flooding entries are IPv6 addresses, each tunnel is
 * clamped to the underlay's MTU less 70 bytes (IPv6's VXLAN headers) and carries that, nothing
 * but VXLAN over IPv6 crosses the underlay, and a machine that moves is followed there.
 */
@KernelTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ipv6UnderlayTest {
    private static final int NODES = 9;
    private static final int MACHINES = 3;

    @TempDir
    static Path dir;

    private static final Agent[] AGENTS = new Agent[MACHINES];

    /** Every node a port of sw:hub (10.92.0.N/16) and linked to the next in a ring (172.17.N.0/30). */
    private static final RingWithHub LAB = new RingWithHub("six", NODES, "10.92", "172.17");

    @BeforeAll
    static void machinesAndParts() throws IOException {
        SimulatedMachines.addAt(1500, "2001:db8::1/64", "2001:db8::2/64", "2001:db8::3/64");
        Path topo = Files.writeString(dir.resolve("six.topo"), LAB.text());
        var run = NetlabRunner.inProcess("partition", topo.toString(), "--hosts", "3", "--write", dir.toString(),
                "--underlay", "2001:db8::1", "--vni-base", "9000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        writePeers("2001:db8::3");
        for (int m = 0; m < MACHINES; m++) {
            AGENTS[m] = new Agent(m, dir.resolve("six.p" + m + ".topo"), dir.resolve("peers"), "/run/ready",
                    dir.resolve("agent" + m + ".log")).start();
        }
        for (Agent agent : AGENTS) {
            agent.awaitReady();
        }
    }

    /** The peers file the agents watch: the parts' placeholders, m2's mapped to {@code m2}. */
    private static void writePeers(String m2) {
        SimulatedMachines.writePeers(dir.resolve("peers"), "2001:db8::1 2001:db8::1\n2001:db8::2 2001:db8::2\n2001:db8::3 " + m2 + "\n");
    }

    /** Every far end of machine m's tunnels: the vxlans' remotes and the bridges' flooding entries. */
    private static String farEnds(int m) {
        return check(m, "sh", "-c", "for n in $(ls /run/netns); do ip -n $n -d -j link show type vxlan; "
                + "bridge -n $n -j fdb show | grep -o '\"dst\":\"[0-9a-f:.]*\"'; done");
    }

    @Test
    @Order(1)
    void theTunnelsAreIpv6AndEveryPairAnswers() {
        Map<String, Integer> machineOf = LAB.machines(MACHINES);
        for (int m = 0; m < MACHINES; m++) {
            int machine = m;
            assertThat(machineOf.values().stream().filter(v -> v == machine).count()).as("nodes on m%d", m)
                    .isPositive();
            String ends = farEnds(m);
            // a remote of each other machine, and the split hub's flooding entry to the third
            for (int other = 0; other < MACHINES; other++) {
                if (other != m) {
                    assertThat(ends).as("m%d's tunnels", m).contains("\"2001:db8::" + (other + 1) + "\"");
                }
            }
            assertThat(ends).as("m%d's tunnels", m).doesNotContainPattern("\"(remote|dst)\":\"\\d+\\.");
        }
        LAB.assertEveryPairAnswers(MACHINES);
    }

    @Test
    @Order(2)
    void aCutLinkCarries1402BytesOfPingWithDontFragmentAndRefusesOneMore() {
        int n = LAB.cutRingLink(MACHINES);
        int machine = LAB.machines(MACHINES).get("n" + n);
        String far = "172.17." + n + ".2";
        assertThat(run(machine, "ip", "netns", "exec", "n" + n, "ping", "-c1", "-W2", "-M", "do", "-s", "1402", far)
                .exitCode()).isZero();
        var over = run(machine, "ip", "netns", "exec", "n" + n, "ping", "-c1", "-W2", "-M", "do", "-s", "1403", far);
        assertThat(over.exitCode()).isNotZero();
        assertThat(over.stdout() + over.stderr()).contains("message too long, mtu=1430");
    }

    @Test
    @Order(3)
    void theUnderlayCarriesOnlyVxlanOverIpv6OfTheLabsVnis() throws Exception {
        Path capture = dir.resolve("underlay.txt");
        Path err = dir.resolve("tcpdump.err");
        // The machines' own neighbour discovery and multicast reports are left out: ICMPv6, also
        // behind a hop-by-hop header (MLD: next header 0, then 58), and IGMP. All else is the labs'.
        // --immediate-mode: each packet as it comes, not in blocks a second late (the pairs answer
        // within a second, and the capture would end before its first block).
        Process tcpdump = new ProcessBuilder("tcpdump", "--immediate-mode", "-n", "-l", "-i", "underlay", "-c", "300",
                "not (icmp6 or igmp or (ip6 and ip6[6] == 0 and ip6[40] == 58))")
                .redirectOutput(capture.toFile()).redirectError(err.toFile()).start();
        SimulatedMachines.awaitListening(tcpdump, err);
        LAB.assertEveryPairAnswers(MACHINES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tcpdump.isAlive() && Files.readAllLines(capture).size() < 120 && System.nanoTime() < deadline) {
            SimulatedMachines.sleep(50);
        }
        tcpdump.destroy();
        tcpdump.waitFor(10, TimeUnit.SECONDS);
        Set<String> vnis = SimulatedMachines.vnisOfParts(dir, "six", MACHINES);
        // A packet's line starts with its time; the frame inside VXLAN follows on a line without one.
        Pattern outer = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ (.*)$");
        int packets = 0;
        for (String line : Files.readAllLines(capture)) {
            Matcher packet = outer.matcher(line);
            if (packet.matches()) {
                assertThat(packet.group(1)).containsPattern(
                        "^IP6 2001:db8::[123]\\.\\d+ > 2001:db8::[123]\\.4789: VXLAN, flags \\[I\\] \\(0x08\\), vni \\d+$");
                assertThat(vnis).as("the lab's VNIs").contains(packet.group(1).replaceFirst(".* vni (\\d+)$", "$1"));
                packets++;
            }
        }
        assertThat(packets).as("VXLAN packets seen: %s", Files.readString(err)).isGreaterThan(50);
    }

    @Test
    @Order(4)
    void aMachineAtANewAddressIsFoundByItsPeersAndTheLabWorksAgain() throws Exception {
        Shell.check(SimulatedMachines.SIMHOST, "move", "m2", "2001:db8::13/64");
        writePeers("2001:db8::13");
        for (int m = 0; m < 2; m++) {
            AGENTS[m].awaitSaying("re-pointed");
            assertThat(farEnds(m)).as("m%d's tunnels", m).contains("\"2001:db8::13\"").doesNotContain("\"2001:db8::3\"");
        }
        LAB.assertEveryPairAnswers(MACHINES);
    }

    @AfterAll
    static void downEverywhereLeavesNothing() throws Exception {
        SimulatedMachines.stopAndRemove(MACHINES, Arrays.asList(AGENTS));
    }
}
