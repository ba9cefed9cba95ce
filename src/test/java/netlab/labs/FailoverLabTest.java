package netlab.labs;

import static netlab.labs.LabRun.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.ExitCodes;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * topologies/failover.topo: the primary path carries h1's traffic (h2 sees it from 10.80.1.1,
 * and the backup's tbf queues stay idle); with path A taken down, the loopbacks still answer
 * through path B (h2 sees 10.80.2.1, the backup's queues count the packets, netlab test fails
 * exactly the 'as 10.80.1.1' expectation); brought up, path A is back with its routes.
 */
@KernelTest
class FailoverLabTest {
    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up("failover", "failover");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @Test
    void theBackupIsSlowAndIdleWhileThePrimaryWorks() {
        for (String node : new String[] {"h1", "h2"}) {
            JsonNode tbf = qdisc(node, "eth1");
            assertThat(tbf.path("kind").asText()).isEqualTo("tbf");
            assertThat(tbf.path("options").path("rate").asLong()).as("bytes per second").isEqualTo(250_000);
            assertThat(qdisc(node, "eth0").path("kind").asText()).isNotEqualTo("tbf");
        }
        // show reads the queues back from the kernel, in tc's words: the limit is tc's for latency 50ms.
        Run show = netlab("show", "failover", "h1");
        assertThat(show.out()).contains("  queues (impair):\n    eth1: tbf rate 2000000bit burst 2500b limit 15000b\n");
        JsonNode shown = Json.parse(netlab("show", "failover", "--json").out());
        assertThat(shown.findValues("qdisc").stream().filter(q -> !q.isNull()).map(JsonNode::asText).toList())
                .containsExactly("tbf rate 2000000bit burst 2500b limit 15000b", "tbf rate 2000000bit burst 2500b limit 15000b");
        long before = sent("h1", "eth1");
        Run test = netlab("test", "failover");

        assertThat(test.exitCode()).as(test.out()).isEqualTo(ExitCodes.OK);
        assertThat(test.out()).contains("lab failover: 3 of 3 expectations passed");
        assertThat(ping()).isZero();
        // Only the expectation that names h2:eth1 went through the backup: at most its few packets.
        assertThat(sent("h1", "eth1") - before).isLessThan(10);
    }

    @Test
    void withThePrimaryDownTheBackupCarriesTheTrafficAndUpBringsThePrimaryBack() throws InterruptedException {
        assertThat(netlab("link", "failover", "h2:eth0", "down").exitCode()).isEqualTo(ExitCodes.OK);
        // h2 took eth0 down: the kernel deleted h2's routes through it; h1's eth0 only lost its carrier.
        assertThat(routesTo("h2", "10.80.0.1")).containsExactly("10.80.2.1 metric 20");
        // The lost carrier reaches h1's routes a moment later (the kernel's link watch runs apart).
        awaitRoutes("h1", "10.80.0.2", List.of("10.80.1.2 metric 10 linkdown", "10.80.2.2 metric 20"));

        long before = sent("h1", "eth1");
        assertThat(ping()).isZero();
        assertThat(sent("h1", "eth1") - before).as("packets h1's backup queue sent").isGreaterThanOrEqualTo(5);
        Run test = netlab("test", "failover");
        assertThat(test.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
        assertThat(test.out()).contains("seen as 10.80.2.1, expected 10.80.1.1")
                .contains("lab failover: 2 of 3 expectations passed, 1 failed");

        Run up = netlab("link", "failover", "h2:eth0", "up");

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.err()).isEmpty();
        assertThat(routesTo("h2", "10.80.0.1")).containsExactly("10.80.1.1 metric 10", "10.80.2.1 metric 20");
        Run again = netlab("test", "failover");
        assertThat(again.exitCode()).as(again.out()).isEqualTo(ExitCodes.OK);
    }

    private static void awaitRoutes(String node, String destination, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!routesTo(node, destination).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(routesTo(node, destination)).containsExactlyElementsOf(expected);
    }

    /** Five pings between the loopbacks, from h1's. */
    private static int ping() {
        return Shell.run("ip", "netns", "exec", "h1", "ping", "-q", "-c", "5", "-i", "0.05", "-W", "2", "-I", "10.80.0.1",
                "10.80.0.2").exitCode();
    }

    private static JsonNode qdisc(String node, String device) {
        return Json.parse(Shell.check("tc", "-n", node, "-j", "qdisc", "show", "dev", device)).path(0);
    }

    /** Packets the interface's root qdisc has sent, as tc -s reports them. */
    private static long sent(String node, String device) {
        return Json.parse(Shell.check("tc", "-n", node, "-s", "-j", "qdisc", "show", "dev", device)).path(0).path("packets").asLong();
    }

    /** The node's routes to {@code destination}: "GATEWAY metric N[ linkdown]", as ip -j shows them. */
    private static List<String> routesTo(String node, String destination) {
        List<String> routes = new ArrayList<>();
        for (JsonNode route : Json.parse(Shell.check("ip", "-n", node, "-j", "route", "show", destination))) {
            boolean linkdown = route.path("flags").valueStream().anyMatch(f -> f.asText().equals("linkdown"));
            routes.add(route.path("gateway").asText() + " metric " + route.path("metric").asInt() + (linkdown ? " linkdown" : ""));
        }
        return routes;
    }
}
