package netlab.labs;

import static netlab.labs.LabRun.ipNetnsExec;
import static netlab.labs.LabRun.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netlab pingall}: every node to every address of every other node, and for each pair the
 * same answer a real {@code ping} gets.
 */
@KernelTest
class PingallTest {
    private LabRun lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.downLeavesNothing();
        }
    }

    @Test
    void everyPairOfTheLanAnswers() {
        lab = LabRun.up("lan", "lan");

        Run pingall = netlab("pingall", "lan");

        assertThat(pingall.exitCode()).as(pingall.err()).isZero();
        assertThat(pingall.out()).startsWith("""
                host -> ns1 ns2
                ns1 -> host ns2
                ns2 -> host ns1
                lab lan: 6 of 6 pairs answered (0% dropped) in\s""");
    }

    /**
     * A mesh that needs more neighbour entries than the kernel's one table for the whole machine
     * holds (gc_thresh3, 1024): 46 nodes, 1,035 node pairs learning 2,070 entries. All at once,
     * most pairs would go unanswered ("neighbor table overflow"); in rounds, all answer, and the
     * entries the probes made are gone afterwards.
     */
    @Test
    void aMeshBiggerThanTheNeighbourTableAnswersAndLeavesTheTablesAsFound(@TempDir Path dir) throws Exception {
        StringBuilder star = new StringBuilder("lab mesh\nhost\n  bridge brm 10.72.0.254/16\n");
        for (int i = 1; i <= 45; i++) {
            star.append("node m").append(i).append("\n  link eth0 to brm address 10.72.0.").append(i).append("/16\n");
        }
        Path file = Files.writeString(dir.resolve("mesh.topo"), star.toString());
        lab = LabRun.up(file, "mesh");

        Run pingall = netlab("pingall", "mesh");

        assertThat(pingall.exitCode()).as(pingall.out()).isZero();
        assertThat(pingall.out()).contains("lab mesh: 2070 of 2070 pairs answered (0% dropped)");
        assertThat(Shell.check("ip", "neigh", "show", "dev", "brm")).as("the host's learned entries").isEmpty();
        for (int i = 1; i <= 45; i++) {
            assertThat(Shell.check("ip", "-n", "m" + i, "neigh")).as("m%d's learned entries", i).isEmpty();
        }
    }

    @Test
    void eachPairAnswersAsRealPingDoes() {
        lab = LabRun.up("bridge-nat-no-masquerade", "bridge-nat-no-masquerade");

        Run pingall = netlab("pingall", "bridge-nat-no-masquerade", "--json");

        assertThat(pingall.exitCode()).isEqualTo(1);
        JsonNode report = Json.parse(pingall.out());
        int answered = 0;
        for (JsonNode pair : report.get("results")) {
            String from = pair.get("from").asText();
            String address = pair.get("address").asText();
            Shell.Result ping = from.equals("host") ? Shell.run("ping", "-c", "1", "-W", "1", address)
                    : ipNetnsExec(from, "ping", "-c", "1", "-W", "1", address);
            assertThat(pair.get("answered").asBoolean()).as("%s -> %s: ping says %s", from, address, ping.stdout())
                    .isEqualTo(ping.exitCode() == 0);
            answered += ping.exitCode() == 0 ? 1 : 0;
        }
        assertThat(report.get("pairs").asInt()).isEqualTo(18);
        assertThat(report.get("answered").asInt()).isEqualTo(answered).isBetween(1, 17);
        Run text = netlab("pingall", "bridge-nat-no-masquerade");
        assertThat(text.out()).contains("netns_0 -> host X netns_1\n");
    }
}
