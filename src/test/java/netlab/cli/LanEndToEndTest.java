package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import netlab.testing.KernelTraces;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * lan.topo end to end: up, then every part checked with ip, nft, ping and tcpdump, then down and
 * nothing left. An emulated upstream stands for the Internet: namespace {@code upstream} holds
 * 8.8.8.8 behind a veth to the sandbox's root namespace (198.51.100.1/30 here, .2/30 there) and
 * has no route back to 192.168.0.0/24, so only the lab's masquerade lets ns1 reach it.
 */
@KernelTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanEndToEndTest {
    private static KernelTraces before;

    @BeforeAll
    static void upstreamThenUp() {
        Shell.check("sysctl", "-w", "net.ipv4.ip_forward=0");
        before = KernelTraces.take();
        Shell.check("ip", "netns", "add", "upstream");
        Shell.check("ip", "link", "add", "up0", "type", "veth", "peer", "name", "up1", "netns", "upstream");
        Shell.check("ip", "addr", "add", "198.51.100.1/30", "dev", "up0");
        Shell.check("ip", "link", "set", "up0", "up");
        Shell.check("ip", "-n", "upstream", "addr", "add", "198.51.100.2/30", "dev", "up1");
        Shell.check("ip", "-n", "upstream", "addr", "add", "8.8.8.8/32", "dev", "lo");
        Shell.check("ip", "-n", "upstream", "link", "set", "lo", "up");
        Shell.check("ip", "-n", "upstream", "link", "set", "up1", "up");
        Shell.check("ip", "route", "add", "8.8.8.8/32", "via", "198.51.100.2");

        Run up = netlab("up", LAN);
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
    }

    @AfterAll
    static void removeUpstreamAndCheckNothingIsLeft() {
        String left = netlab("ls").out();
        if (!left.equals("no lab is up\n")) {
            netlab("down", "lan");
        }
        // The pair first, explicitly: a deleted namespace's links go later, in the kernel's own time.
        Shell.check("ip", "link", "delete", "up0");
        Shell.check("ip", "netns", "delete", "upstream");
        assertThat(left).as("the lab must be down").isEqualTo("no lab is up\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void bothNodesAreNamespaces() {
        List<String> names = Shell.check("ip", "netns", "list").lines().map(l -> l.split(" ")[0]).toList();

        assertThat(names).containsExactlyInAnyOrder("ns1", "ns2", "upstream");
    }

    @Test
    @Order(2)
    void ns1HasItsAddressOnEth0() {
        JsonNode eth0 = Json.of("ip", "-n", "ns1", "-j", "addr", "show", "dev", "eth0").get(0);

        assertThat(eth0.get("operstate").asText()).isEqualTo("UP");
        List<String> inet = stream(eth0.get("addr_info")).filter(a -> a.get("family").asText().equals("inet"))
                .map(a -> a.get("local").asText() + "/" + a.get("prefixlen").asInt()).toList();
        assertThat(inet).containsExactly("192.168.0.1/24");
    }

    @Test
    @Order(3)
    void theBridgeHasBothPorts() {
        List<String> ports = stream(Json.of("ip", "-j", "link", "show", "master", "br0"))
                .map(l -> l.get("ifname").asText()).toList();

        assertThat(ports).containsExactlyInAnyOrder("ns1-eth0", "ns2-eth0");
        JsonNode br0 = Json.of("ip", "-j", "addr", "show", "dev", "br0").get(0);
        assertThat(br0.get("addr_info").get(0).get("local").asText()).isEqualTo("192.168.0.254");
    }

    @Test
    @Order(4)
    void ns1RoutesByDefaultThroughTheBridge() {
        List<JsonNode> defaults = stream(Json.of("ip", "-n", "ns1", "-j", "route"))
                .filter(r -> r.get("dst").asText().equals("default")).toList();

        assertThat(defaults).hasSize(1);
        assertThat(defaults.getFirst().get("gateway").asText()).isEqualTo("192.168.0.254");
        assertThat(defaults.getFirst().get("dev").asText()).isEqualTo("eth0");
    }

    @Test
    @Order(5)
    void theLabsTableMasqueradesTheLan() {
        JsonNode ruleset = Json.of("nft", "-j", "list", "ruleset").get("nftables");
        List<JsonNode> rules = stream(ruleset).filter(e -> e.has("rule")).map(e -> e.get("rule"))
                .filter(r -> r.get("table").asText().equals("netlab-lan")).toList();
        JsonNode chain = stream(ruleset).filter(e -> e.has("chain")).map(e -> e.get("chain")).findFirst().orElseThrow();

        assertThat(chain.get("table").asText()).isEqualTo("netlab-lan");
        assertThat(chain.get("family").asText()).isEqualTo("ip");
        assertThat(chain.get("type").asText()).isEqualTo("nat");
        assertThat(chain.get("hook").asText()).isEqualTo("postrouting");
        assertThat(rules).hasSize(1);
        JsonNode expr = rules.getFirst().get("expr");
        assertThat(expr.toString()).isEqualTo("[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"ip\","
                + "\"field\":\"saddr\"}},\"right\":{\"prefix\":{\"addr\":\"192.168.0.0\",\"len\":24}}}},"
                + "{\"match\":{\"op\":\"!=\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"daddr\"}},"
                + "\"right\":{\"prefix\":{\"addr\":\"192.168.0.0\",\"len\":24}}}},{\"masquerade\":null}]");
    }

    @Test
    @Order(6)
    void theNodesPingEachOther() {
        Shell.Result viaNetlab = Cli.childJvm("exec", "ns1", "ping", "-c1", "-W2", "192.168.0.2");
        Shell.Result viaIp = Shell.run("ip", "netns", "exec", "ns2", "ping", "-c1", "-W2", "192.168.0.1");

        assertThat(viaNetlab.exitCode()).as(viaNetlab.stdout() + viaNetlab.stderr()).isZero();
        assertThat(viaNetlab.stdout()).contains("1 packets transmitted, 1 received");
        assertThat(viaIp.exitCode()).as(viaIp.stdout() + viaIp.stderr()).isZero();
    }

    @Test
    @Order(7)
    void ns1ReachesTheUpstreamWithTheHostsAddress() throws Exception {
        // Only NAT can bring the answer back: the upstream has no route to the lab.
        assertThat(Shell.run("ip", "-n", "upstream", "route", "get", "192.168.0.1").exitCode()).isNotZero();
        Process tcpdump = new ProcessBuilder("ip", "netns", "exec", "upstream",
                "tcpdump", "-n", "-l", "-i", "up1", "-c", "1", "icmp").start();
        try {
            tcpdump.getOutputStream().close();
            BufferedReader stderr = tcpdump.errorReader();
            // tcpdump says "listening on up1" once its capture is open; before that a packet may be missed.
            String listening = CompletableFuture.supplyAsync(() -> firstLineStartingWith(stderr, "listening on"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(listening).as("tcpdump ended before listening").isNotNull();
            CompletableFuture<String> captured = CompletableFuture.supplyAsync(
                    () -> firstLineStartingWith(tcpdump.inputReader(), ""));

            Shell.Result ping = Shell.run("ip", "netns", "exec", "ns1", "ping", "-c1", "-W2", "8.8.8.8");

            assertThat(ping.exitCode()).as(ping.stdout() + ping.stderr()).isZero();
            assertThat(captured.get(30, TimeUnit.SECONDS)).contains("IP 198.51.100.1 > 8.8.8.8: ICMP echo request");
            assertThat(tcpdump.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            tcpdump.destroyForcibly();
            tcpdump.waitFor();
        }
    }

    @Test
    @Order(100)
    void downRemovesEveryTrace() {
        Run down = netlab("down", "lan");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(Shell.check("ip", "netns", "list").lines().map(l -> l.split(" ")[0]).toList())
                .containsExactly("upstream");
        for (String link : List.of("br0", "ns1-eth0", "ns2-eth0")) {
            assertThat(Shell.run("ip", "link", "show", link).exitCode()).as(link).isNotZero();
        }
        assertThat(Shell.check("nft", "list", "tables")).doesNotContain("netlab-lan");
        assertThat(Shell.check("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("0");
        assertThat(Path.of("/run/netlab/lan")).doesNotExist();
    }

    private static String firstLineStartingWith(BufferedReader reader, String prefix) {
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
