package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import netlab.plan.Planner;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split tunnel re-pointed through the ways its far ends can move, read back from the kernel
 * after each: its remote is the new first far end and its all-zero fdb entry holds exactly the
 * new list. The kernel keeps the flooding entries when the remote changes (it only swaps the
 * old remote's entry for the new one's), so any that went must be deleted.
 */
@KernelTest
class TunnelRepointingTest {
    private static final Endpoint VX = new Endpoint("rp1", "vx1");

    @TempDir
    Path directory;

    @Test
    void theRemoteAndTheFloodingEntriesAreExactlyTheNewFarEnds() throws Exception {
        Path file = Files.writeString(directory.resolve("rp.topo"), """
                lab rp
                node rp1
                  vxlan vx1 vni 4242 remote 192.0.2.1 192.0.2.2 192.0.2.3 underlay host
                """);
        Lab lab = TopologyReader.read(file);
        Executor executor = new Executor(new StateStore(directory.resolve("state")));
        LabState state = executor.up(lab, Planner.plan(lab));
        try {
            String farEnds = "192.0.2.1 192.0.2.2 192.0.2.3";
            assertTunnel(ips(farEnds), "as made");
            for (String next : List.of(
                    "192.0.2.4 192.0.2.2",           // the first moved, .3 left
                    "192.0.2.2 192.0.2.5",           // the first moved to a flooding entry's address
                    "192.0.2.6 192.0.2.2 192.0.2.5", // the old first stays, as a flooding entry
                    "192.0.2.6 192.0.2.7",           // only flooding entries changed
                    "192.0.2.7")) {                  // the first moved to the one flooding entry
                TunnelRepointing.repoint(state, Map.of(VX, ips(farEnds)), Map.of(VX, ips(next)));
                assertTunnel(ips(next), farEnds + " to " + next);
                farEnds = next;
            }
        } finally {
            executor.down(state);
        }
    }

    private static List<InetAddress> ips(String text) {
        return Arrays.stream(text.split(" ")).map(InetAddress::ofLiteral).toList();
    }

    /** The vxlan's remote and every destination of its all-zero fdb entry, against {@code farEnds}. */
    private static void assertTunnel(List<InetAddress> farEnds, String step) {
        JsonNode link = Json.of("ip", "-n", VX.node(), "-j", "-d", "link", "show", VX.interfaceName());
        assertThat(link.get(0).path("linkinfo").path("info_data").path("remote").asText()).as("%s: remote", step)
                .isEqualTo(farEnds.getFirst().getHostAddress());
        List<String> flooding = new ArrayList<>();
        for (JsonNode entry : Json.of("bridge", "-n", VX.node(), "-j", "fdb", "show", "dev", VX.interfaceName())) {
            if (entry.path("mac").asText().equals("00:00:00:00:00:00")) {
                flooding.add(entry.path("dst").asText());
            }
        }
        assertThat(flooding).as("%s: the all-zero entry's destinations", step)
                .hasSize(farEnds.size())
                .containsExactlyInAnyOrderElementsOf(farEnds.stream().map(InetAddress::getHostAddress).toList());
    }
}
