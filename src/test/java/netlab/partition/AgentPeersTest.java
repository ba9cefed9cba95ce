package netlab.partition;

import static netlab.partition.SimulatedMachines.check;
import static netlab.partition.SimulatedMachines.netlabCommand;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.ExitCodes;
import netlab.partition.SimulatedMachines.Agent;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One agent on one simulated machine, for what it does with its peers file and with a lab it
 * did not make: a peer given by name follows the name within seconds (the JVM would keep an
 * answer 30 s), a name that stops resolving is said once and the tunnel stays, a lab's own
 * vxlan to a mapped address is left alone, a file being rewritten keeps the part up, and a lab
 * of the same name brought up from another file is refused, not taken down.
 */
@KernelTest
class AgentPeersTest {
    /** The tunnel the split would make (the machine's socket) and a vxlan of the lab's own, both to 192.0.2.9. */
    private static final String PART = """
            lab ag
            node n1
              vxlan vx1 vni 4242 remote 192.0.2.9 underlay host
              vxlan vx2 vni 4243 remote 192.0.2.9
            """;

    @TempDir
    Path dir;

    private Agent agent;
    private final Path hosts = Path.of("/run/simhosts/m0/etc/hosts");

    @BeforeEach
    void oneMachine() {
        SimulatedMachines.add(1, 1500);
    }

    @AfterEach
    void downLeavesNothing() throws Exception {
        if (agent != null) {
            agent.stop();
        }
        SimulatedMachines.run(0, netlabCommand("down", "ag")); // a failed test's other lab; nothing when passed
        SimulatedMachines.stopAndRemove(1, List.of());
    }

    private String remoteOf(String vxlan) {
        String json = check(0, "ip", "-n", "n1", "-d", "-j", "link", "show", vxlan);
        return Json.parse(json).get(0).path("linkinfo").path("info_data").path("remote").asText();
    }

    private void awaitRemote(String vxlan, String remote, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!remoteOf(vxlan).equals(remote)) {
            assertThat(System.nanoTime()).as("%s towards %s within %d s: %s", vxlan, remote, seconds, agent.log())
                    .isLessThan(deadline);
            SimulatedMachines.sleep(200);
        }
    }

    private void setPeerAddress(String line) throws Exception {
        List<String> kept = Files.readAllLines(hosts).stream().filter(l -> !l.contains("peer-a.test")).toList();
        Files.writeString(hosts, String.join("\n", kept) + "\n" + line);
    }

    @Test
    void aPeerGivenByNameFollowsItsAddressAndTheLabsOwnVxlanStays() throws Exception {
        Path part = Files.writeString(dir.resolve("ag.p0.topo"), PART);
        Path peers = Files.writeString(dir.resolve("peers"), "192.0.2.9 peer-a.test  # the far machine\n");
        setPeerAddress("198.51.100.1 peer-a.test\n");
        agent = new Agent(0, part, peers, "/run/ready", dir.resolve("agent.log")).start();
        agent.awaitReady();
        assertThat(remoteOf("vx1")).isEqualTo("198.51.100.1");
        assertThat(remoteOf("vx2")).as("the lab's own vxlan").isEqualTo("192.0.2.9");

        // The pod moved: its name now gives another address. Looked up every 5 s, uncached.
        setPeerAddress("198.51.100.2 peer-a.test\n");
        awaitRemote("vx1", "198.51.100.2", 12);
        assertThat(remoteOf("vx2")).as("the lab's own vxlan").isEqualTo("192.0.2.9");

        // The name is gone (a pod not scheduled): said once, the tunnel stays where it was.
        setPeerAddress("");
        String unresolved = "peer peer-a.test (for 192.0.2.9) has no IPv4 address now; its tunnels stay at 198.51.100.2";
        agent.awaitSaying(unresolved);
        SimulatedMachines.sleep(6_000); // one more look-up
        assertThat(agent.log().split(java.util.regex.Pattern.quote(unresolved), -1)).as(agent.log()).hasSize(2);
        assertThat(remoteOf("vx1")).isEqualTo("198.51.100.2");

        // Half-written: the last good map stays and the part stays up.
        Files.writeString(peers, "192.0.2.9\n");
        agent.awaitSaying("peers:1: a peer line is 'ADDRESS TARGET', not '192.0.2.9'; keeping the peers read before");
        assertThat(agent.isAlive()).as(agent.log()).isTrue();
        Files.writeString(peers, "192.0.2.9 198.51.100.3\n");
        awaitRemote("vx1", "198.51.100.3", 5);
    }

    @Test
    void aLabOfTheSameNameFromAnotherFileIsRefusedNotTakenDown() throws Exception {
        Path whole = Files.writeString(dir.resolve("whole.topo"), "lab ag\nnode n1\n");
        Path part = Files.writeString(dir.resolve("ag.p0.topo"), PART);
        Path peers = Files.writeString(dir.resolve("peers"), "");
        check(0, netlabCommand("up", whole.toString()));

        agent = new Agent(0, part, peers, "/run/ready", dir.resolve("agent.log")).start();

        assertThat(agent.awaitExit()).as(agent.log()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(agent.log()).contains("lab ag is already up from " + whole + ", not from this part");
        assertThat(check(0, "ip", "netns", "list")).as("the other lab's node").contains("n1");
        assertThat(check(0, "ip", "-n", "n1", "-j", "link", "show")).doesNotContain("vx1");
        check(0, netlabCommand("down", "ag"));
    }

    /**
     * A FIFO given as the peers file is refused at once (it blocked the agent in open(), past
     * SIGTERM), and the ready file an earlier instance left is gone: nothing says ready.
     */
    @Test
    void aFifoForPeersIsRefusedAndAStaleReadyFileRemoved() throws Exception {
        Path part = Files.writeString(dir.resolve("ag.p0.topo"), PART);
        Path fifo = dir.resolve("peers");
        netlab.testing.Shell.check("mkfifo", fifo.toString());
        Path stale = Files.writeString(Path.of("/run/simhosts/m0/run/ready"), "ag\n");

        agent = new Agent(0, part, fifo, "/run/ready", dir.resolve("agent.log")).start();

        assertThat(agent.awaitExit()).as(agent.log()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(agent.log()).contains("cannot read the peers file " + fifo + ": is not a regular file");
        assertThat(stale).doesNotExist();
    }
}
