package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The lab carries IPv6 traffic when {@code up} returns, through a router too
 * (test/resources/topologies/routed-dual-stack.topo). A forwarding router solicits its
 * neighbours from its link-local address, and the kernel sends no solicitation while that
 * address is tentative: with the kernel's own link-local addresses, the first answer came about a
 * second after {@code up}. The router's are netlab's, never tentative; a and b keep the kernel's. The pings go out at once (ip netns exec, not a JVM of netlab exec),
 * in several labs in a row.
 */
@KernelTest
class RoutedDualStackLabTest {
    private static final Path FILE = Path.of("test/resources/topologies/routed-dual-stack.topo");

    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up(FILE, "routed-dual-stack");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @RepeatedTest(3)
    void theFirstPingsThroughTheRouterAreAnsweredInBothFamilies() {
        assertAnswered(ipNetnsExec("a", "ping", "-6", "-c", "1", "-W", "1", "fd00:2::10"), 1);
        assertAnswered(ipNetnsExec("b", "ping", "-6", "-c", "1", "-W", "1", "fd00:1::10"), 1);
        assertAnswered(ipNetnsExec("a", "ping", "-4", "-c", "1", "-W", "1", "10.0.2.10"), 1);
        assertAnswered(Shell.run("ping", "-6", "-c", "1", "-W", "1", "fd00:2::10"), 1);
        assertThat(tentative("r")).as("the router's IPv6 addresses still tentative").isEmpty();
    }

    /** {@code DEV ADDRESS} of every IPv6 address of {@code node} whose duplicate address detection is not over. */
    private static List<String> tentative(String node) {
        List<String> tentative = new ArrayList<>();
        for (JsonNode link : Json.of("ip", "-j", "-6", "-n", node, "addr", "show")) {
            for (JsonNode address : link.path("addr_info")) {
                if (address.path("tentative").asBoolean()) {
                    tentative.add(link.path("ifname").asText() + " " + address.path("local").asText());
                }
            }
        }
        return tentative;
    }
}
