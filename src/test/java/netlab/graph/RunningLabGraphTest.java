package netlab.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.testing.ShippedTopologies;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code netlab graph LAB} draws what the kernel reports, not the file: the lan lab drawn while up
 * is its file's picture (golden lan.dot) with nft's own text of the NAT rule; after an address and
 * a veth pair are added by hand with {@code ip}, the picture shows exactly those, as {@code ip -j}
 * reports them. Every shipped lab root can bring up draws, while up, as its file draws but for the
 * NAT rules, which are nft's own text of the rules nft lists in the lab's namespaces.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class RunningLabGraphTest {
    private static final String PLANNED_RULE = "masquerade src 192.168.0.0/24 dst !192.168.0.0/24";

    @Test
    void aRunningLabsGraphShowsWhatWasChangedByHand() throws Exception {
        Run up = NetlabRunner.inProcess("up", "../topologies/lan.topo");
        assertThat(up.exitCode()).as(up.err()).isZero();
        try {
            String planned = Files.readString(Path.of("test/resources/graphs/lan.dot"));
            String running = planned.replace(PLANNED_RULE, "postrouting: " + nftRule());
            assertThat(running).isNotEqualTo(planned);
            assertThat(graph()).isEqualTo(running);

            Shell.check("ip", "-n", "ns1", "addr", "add", "10.9.9.1/24", "dev", "eth0");
            Shell.check("ip", "-n", "ns2", "link", "add", "extra0", "type", "veth", "peer", "name", "extra1");
            Shell.check("ip", "-n", "ns2", "addr", "add", "10.7.7.7/24", "dev", "extra0");
            String changed = running.replace("eth0  192.168.0.1/24<", "eth0  192.168.0.1/24  10.9.9.1/24<")
                    .replace("<tr><td><b>ns2</b></td></tr>", "<tr><td><b>ns2</b></td></tr>" + handMadeRows());
            assertThat(changed).contains("10.9.9.1/24", "10.7.7.7/24", "extra1");
            assertThat(graph()).isEqualTo(changed);
        } finally {
            Run down = NetlabRunner.inProcess("down", "lan");
            assertThat(down.exitCode()).as(down.err()).isZero();
        }
    }

    private static final Pattern NAT_ROW = Pattern.compile(
            "<tr><td align=\"left\"><font point-size=\"9\">([^<]*(?:masquerade|snat)[^<]*)</font></td></tr>");

    @TestFactory
    Stream<DynamicTest> everyShippedLabDrawsWhileUpAsItsFileDrawsWithTheKernelsRules() {
        return ShippedTopologies.machineWide().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            var lab = TopologyReader.read(file);
            Run up = NetlabRunner.inProcess("up", file.toString());
            assertThat(up.exitCode()).as(up.err()).isZero();
            try {
                String planned = NetlabRunner.inProcess("graph", file.toString()).out();
                String running = graph(lab.name());
                assertThat(NAT_ROW.matcher(running).replaceAll("")).isEqualTo(NAT_ROW.matcher(planned).replaceAll(""));
                List<String> rules = new ArrayList<>();
                for (var node : lab.nodes()) {
                    String[] nft = node.isHost() ? new String[] {"nft", "list", "ruleset"}
                            : new String[] {"ip", "netns", "exec", node.name(), "nft", "list", "ruleset"};
                    Shell.check(nft).lines().map(String::strip).filter(l -> l.endsWith("masquerade") || l.contains(" snat to "))
                            .forEach(rule -> rules.add("postrouting: " + rule));
                }
                List<String> drawn = new ArrayList<>();
                Matcher row = NAT_ROW.matcher(running);
                while (row.find()) {
                    drawn.add(row.group(1).replace("&quot;", "\""));
                }
                assertThat(drawn).containsExactlyInAnyOrderElementsOf(rules);
                assertThat(drawn).hasSize((int) lab.nodes().stream().mapToLong(n -> n.nat().size()).sum());
            } finally {
                Run down = NetlabRunner.inProcess("down", lab.name());
                assertThat(down.exitCode()).as(down.err()).isZero();
            }
        }));
    }

    private static String graph() {
        return graph("lan");
    }

    private static String graph(String lab) {
        Run graph = NetlabRunner.inProcess("graph", lab, "--format", "dot");
        assertThat(graph.exitCode()).as(graph.err()).isZero();
        return graph.out();
    }

    /** The lab's one rule as nft prints it, without the chain around it. */
    private static String nftRule() {
        List<String> rules = Shell.check("nft", "list", "chain", "ip", "netlab-lan", "postrouting").lines()
                .map(String::strip).filter(line -> line.endsWith("masquerade")).toList();
        assertThat(rules).hasSize(1);
        return rules.getFirst();
    }

    /** ns2's hand-made interfaces in ip's order, each with its global addresses, as the box lists them. */
    private static String handMadeRows() {
        StringBuilder rows = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (JsonNode link : Json.of("ip", "-n", "ns2", "-j", "addr", "show")) {
            String name = link.get("ifname").asText();
            if (!name.startsWith("extra")) {
                continue;
            }
            StringBuilder line = new StringBuilder(name);
            for (JsonNode address : link.get("addr_info")) {
                if (!address.get("scope").asText().equals("link")) {
                    line.append(' ').append(address.get("local").asText()).append('/').append(address.get("prefixlen").asInt());
                }
            }
            seen.add(name);
            rows.append("<tr><td align=\"left\"><font point-size=\"9\">").append(line).append("</font></td></tr>");
        }
        assertThat(seen).containsExactlyInAnyOrder("extra0", "extra1");
        return rows.toString();
    }
}
