package netlab.partition;

import static netlab.partition.SimulatedMachines.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.partition.SimulatedMachines.Agent;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two labs split over the same three simulated machines at once, with the same interface and
 * bridge names, each with its VNIs from the block its name picks: neither sees the other's
 * tunnels, both answer every pair, and one going down leaves the other whole.
 */
@KernelTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoSplitLabsTest {
    private static final int NODES = 12;
    private static final int MACHINES = 3;
    private static final List<String> LABS = List.of("red", "blue");

    @TempDir
    static Path dir;

    private static final Map<String, List<Agent>> AGENTS = new HashMap<>();

    /** Nodes PREFIXn1.. on PREFIXsw:hub (10.SUBNET.0.N/24) and in a ring: the same shape, its own names. */
    static String lab(String name, int subnet) {
        String p = name.substring(0, 1);
        StringBuilder text = new StringBuilder("lab " + name + "\nnode " + p + "sw\n  bridge hub\n");
        for (int n = 1; n <= NODES; n++) {
            text.append("node ").append(p).append('n').append(n).append('\n')
                    .append("  link hub0 to ").append(p).append("sw:hub address 10.").append(subnet).append(".0.")
                    .append(n).append("/24\n")
                    .append("  link right to ").append(p).append('n').append(n % NODES + 1).append(":left\n");
        }
        return text.toString();
    }

    private static int subnet(String lab) {
        return LABS.indexOf(lab) + 1;
    }

    @BeforeAll
    static void bothLabsUpAtOnce() throws IOException {
        SimulatedMachines.add(MACHINES, 1500);
        Files.writeString(dir.resolve("peers"), "192.0.2.1 192.0.2.1\n192.0.2.2 192.0.2.2\n192.0.2.3 192.0.2.3\n");
        for (String lab : LABS) {
            Path topo = Files.writeString(dir.resolve(lab + ".topo"), lab(lab, subnet(lab)));
            var run = NetlabRunner.inProcess("partition", topo.toString(), "--hosts", "3", "--write",
                    dir.resolve(lab).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        for (String lab : LABS) {
            List<Agent> agents = new ArrayList<>();
            for (int m = 0; m < MACHINES; m++) {
                agents.add(new Agent(m, dir.resolve(lab).resolve(lab + ".p" + m + ".topo"), dir.resolve("peers"),
                        "/run/ready-" + lab, dir.resolve(lab + m + ".log")).start());
            }
            AGENTS.put(lab, agents);
        }
        AGENTS.values().forEach(agents -> agents.forEach(Agent::awaitReady));
    }

    /** The VNIs a lab's part files give its tunnels. */
    private static Set<Integer> vnisOf(String lab) throws IOException {
        Set<Integer> vnis = new TreeSet<>();
        for (int m = 0; m < MACHINES; m++) {
            vnis.addAll(vnisOf(lab, m));
        }
        return vnis;
    }

    /** The VNIs of the tunnels of {@code lab}'s part on machine {@code m}, as its file gives them. */
    private static List<Integer> vnisOf(String lab, int m) throws IOException {
        List<Integer> vnis = new ArrayList<>();
        Matcher vni = Pattern.compile(" vni (\\d+) ")
                .matcher(Files.readString(dir.resolve(lab).resolve(lab + ".p" + m + ".topo")));
        while (vni.find()) {
            vnis.add(Integer.parseInt(vni.group(1)));
        }
        return vnis;
    }

    /** The VNIs of the vxlans on machine {@code m}, in every namespace, from {@code ip -d -j link}. */
    private static List<Integer> vnisOn(int m) {
        List<Integer> vnis = new ArrayList<>();
        for (String node : check(m, "ls", "-A", "/run/netns").split("\\s+")) {
            if (node.isEmpty()) {
                continue;
            }
            for (JsonNode link : Json.parse(check(m, "ip", "-n", node, "-d", "-j", "link", "show", "type", "vxlan"))) {
                vnis.add(link.path("linkinfo").path("info_data").path("id").asInt(-1));
            }
        }
        return vnis;
    }

    private static Map<String, Integer> machines(String lab) {
        String p = lab.substring(0, 1);
        Map<String, Integer> machineOf = new HashMap<>(Map.of(p + "sw", 0));
        for (int n = 1; n <= NODES; n++) {
            for (int m = 0; m < MACHINES; m++) {
                if (SimulatedMachines.holds(m, p + "n" + n)) {
                    machineOf.put(p + "n" + n, m);
                }
            }
        }
        return machineOf;
    }

    /** Every node of {@code lab} every other one's hub address; the ring links have no addresses. */
    private static void assertEveryPairAnswers(String lab) {
        String p = lab.substring(0, 1);
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= NODES; n++) {
            for (int other = 1; other <= NODES; other++) {
                if (other != n) {
                    expected.add(p + "n" + n + " -> 10." + subnet(lab) + ".0." + other);
                }
            }
        }
        SimulatedMachines.assertAnsweredExactly(SimulatedMachines.answeredPairs(
                TopologyReader.parse(lab + ".topo", lab(lab, subnet(lab))), machines(lab)), expected);
    }

    @Test
    @Order(1)
    void eachLabHasItsOwnVnisOnEveryMachineAndAnswersEveryPair() throws IOException {
        Set<Integer> red = vnisOf("red");
        Set<Integer> blue = vnisOf("blue");
        assertThat(red).isNotEmpty().doesNotContainAnyElementsOf(blue);
        for (int m = 0; m < MACHINES; m++) {
            List<Integer> parts = new ArrayList<>(vnisOf("red", m));
            parts.addAll(vnisOf("blue", m));
            assertThat(vnisOn(m)).as("m%d's tunnels: both parts', each once", m).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(parts);
        }
        for (String lab : LABS) {
            for (int m = 0; m < MACHINES; m++) {
                assertThat(machines(lab)).as("%s has nodes on m%d", lab, m).containsValue(m);
            }
            assertEveryPairAnswers(lab);
        }
    }

    @Test
    @Order(2)
    void oneLabGoingDownLeavesTheOtherWhole() throws Exception {
        for (Agent agent : AGENTS.get("red")) {
            agent.stop();
        }
        for (int m = 0; m < MACHINES; m++) {
            assertThat(check(m, "ls", "-A", "/run/netns")).as("m%d", m).doesNotContain("rn", "rsw");
            assertThat(vnisOn(m)).as("m%d's tunnels: blue's part's", m)
                    .containsExactlyInAnyOrderElementsOf(vnisOf("blue", m));
        }
        assertEveryPairAnswers("blue");
    }

    @AfterAll
    static void downEverywhereLeavesNothing() throws Exception {
        SimulatedMachines.stopAndRemove(MACHINES, AGENTS.values().stream().flatMap(List::stream).toList());
    }
}
