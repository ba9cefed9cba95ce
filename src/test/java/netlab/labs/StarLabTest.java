package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A star of {@value #NODES} nodes on one host bridge, the shape of the benchmark's workload
 * (bench/gen-star) at a size a test can afford: the namespaces are made in parallel and every
 * request is pipelined, and still every node has its address, route and a working link, and no
 * interface of a lab without IPv6 gets a link-local address (with the mode and the up in one
 * request, most node ends of such a star got one: their peers were up already). Veth ends get
 * one queue each way from the start (see Requests).
 */
@KernelTest
class StarLabTest {
    private static final int NODES = 60;
    private static final String GATEWAY = "10.0.255.254";

    @TempDir
    static Path directory;
    private static LabRun lab;

    @BeforeAll
    static void up() throws IOException {
        StringBuilder topology = new StringBuilder("lab star\nhost\n  bridge br0 " + GATEWAY + "/16\n");
        for (int i = 1; i <= NODES; i++) {
            topology.append("node h").append(i).append("\n  link eth0 to br0 address ").append(address(i))
                    .append("/16\n  route default via ").append(GATEWAY).append('\n');
        }
        Path file = directory.resolve("star.topo");
        Files.writeString(file, topology);
        lab = LabRun.up(file, "star");
    }

    @AfterAll
    static void down() {
        lab.downLeavesNothing();
    }

    private static String address(int node) {
        return "10.0.0." + (node + 1);
    }

    @Test
    void everyNodeHasItsAddressAndRouteAndTheFirstReachesEveryOther() {
        for (int i = 1; i <= NODES; i++) {
            String node = "h" + i;
            assertThat(Oracle.addresses(node)).containsExactlyInAnyOrder("lo 127.0.0.1/8", "eth0 " + address(i) + "/16");
            assertThat(Oracle.routes(node)).anySatisfy(route -> assertThat(route).startsWith("default via " + GATEWAY
                    + " dev eth0 proto "));
        }
        for (int i = 2; i <= NODES; i++) {
            assertAnswered(Shell.run("ip", "netns", "exec", "h1", "ping", "-n", "-c", "1", "-W", "2", address(i)), 1);
        }
    }

    @Test
    void noInterfaceOfTheLabHasAnIpv6LinkLocalAddress() {
        List<String> linkLocal = new ArrayList<>(linkLocalAddresses(Json.of("ip", "-j", "-6", "addr", "show"), "host"));
        for (int i = 1; i <= NODES; i++) {
            linkLocal.addAll(linkLocalAddresses(Json.of("ip", "-n", "h" + i, "-j", "-6", "addr", "show"), "h" + i));
        }
        assertThat(linkLocal).isEmpty();
    }

    @Test
    void vethEndsHaveOneQueueEachWay() {
        for (String node : List.of("host", "h1", "h" + NODES)) {
            JsonNode links = node.equals("host") ? Json.of("ip", "-j", "-d", "link", "show", "type", "veth")
                    : Json.of("ip", "-n", node, "-j", "-d", "link", "show", "type", "veth");
            assertThat(links).isNotEmpty().allSatisfy(link -> {
                assertThat(link.path("num_tx_queues").asInt()).as("tx queues of %s", link.path("ifname")).isEqualTo(1);
                assertThat(link.path("num_rx_queues").asInt()).as("rx queues of %s", link.path("ifname")).isEqualTo(1);
            });
        }
    }

    private static List<String> linkLocalAddresses(JsonNode links, String node) {
        List<String> found = new ArrayList<>();
        for (JsonNode link : links) {
            for (JsonNode address : link.path("addr_info")) {
                if (address.path("local").asText().startsWith("fe80:")) {
                    found.add(link.path("ifname").asText() + " in " + node);
                }
            }
        }
        return found;
    }
}
