package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.state.LabGroups;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code netlab show} of the lan lab, field by field against what ip and nft report for the same
 * kernel state. Besides the lab, the test adds state the topology file does not hold (a permanent
 * neighbour in ns1 and in the host, a route in ns2): show must read the kernel, not the file.
 */
@KernelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShowCommandTest {
    private static final List<String> HOST_LINKS = List.of("br0", "ns1-eth0", "ns2-eth0");
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static Run netlab(String... args) {
        return NetlabRunner.inProcess(args);
    }

    @BeforeAll
    void upWithStateTheFileDoesNotHold() throws Exception {
        Run up = netlab("up", "../topologies/lan.topo");
        assertThat(up.exitCode()).as(up.err()).isZero();
        Shell.check("ip", "-n", "ns1", "neigh", "add", "192.168.0.99", "lladdr", "02:00:00:00:00:99", "dev", "eth0",
                "nud", "permanent");
        Shell.check("ip", "neigh", "add", "192.168.0.98", "lladdr", "02:00:00:00:00:98", "dev", "br0", "nud", "permanent");
        Shell.check("ip", "-n", "ns2", "route", "add", "10.9.0.0/16", "via", "192.168.0.1", "metric", "7");
    }

    @AfterAll
    void downLeavesNothing() {
        Run down = netlab("down", "lan");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
        assertThat(Shell.run("ip", "link", "show", "br0").exitCode()).isNotZero();
        assertThat(Shell.check("nft", "list", "ruleset")).isEmpty();
        assertThat(netlab("show", "lan").exitCode()).isEqualTo(ExitCodes.LAB_STATE);
    }

    // ---- the oracles ----

    /** ip -n NODE (or the host for null) with the rest of the arguments. */
    private static String[] ip(String node, String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        if (node != null) {
            command.addAll(List.of("-n", node));
        }
        command.addAll(Arrays.asList(args));
        return command.toArray(String[]::new);
    }

    /** Each interface as "name operstate mac mtu kind master addresses...", from ip -j addr and ip -j -d link. */
    private static Map<String, String> oracleInterfaces(String node, List<String> only) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, String> masters = new LinkedHashMap<>();
        for (JsonNode link : Json.of(ip(node, "-j", "-d", "link", "show"))) {
            kinds.put(link.get("ifname").asText(), link.path("linkinfo").path("info_kind").asText("-"));
            masters.put(link.get("ifname").asText(), link.path("master").asText("-"));
        }
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (JsonNode link : Json.of(ip(node, "-j", "addr", "show"))) {
            String name = link.get("ifname").asText();
            if (only != null && !only.contains(name)) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(name, link.get("operstate").asText(), link.get("address").asText(),
                    link.get("mtu").asText(), kinds.get(name), masters.get(name)));
            for (JsonNode address : link.get("addr_info")) {
                words.add(address.get("local").asText() + "/" + address.get("prefixlen").asInt());
            }
            interfaces.put(name, String.join(" ", words));
        }
        return interfaces;
    }

    /** ip route and ip -6 route, word for word (ip ends IPv4 lines with a blank); in the host, the lab's devices only. */
    private static List<String> oracleRoutes(String node) {
        List<String> routes = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (String line : Shell.check(ip(node, family, "route", "show")).split("\n")) {
                if (!line.isBlank() && (node != null || HOST_LINKS.stream().anyMatch(l -> line.contains(" dev " + l + " ")))) {
                    routes.add(line.strip());
                }
            }
        }
        return routes;
    }

    private static List<String> oracleNeighbours(String node) {
        return Arrays.stream(Shell.check(ip(node, "neigh", "show", "nud", "permanent")).split("\n"))
                .filter(line -> !line.isBlank()).map(String::strip).toList();
    }

    /** The rules of the lab's table as nft lists them (the lines after the chain's type line). */
    private static List<String> oracleNftRules() {
        List<String> rules = new ArrayList<>();
        String chain = null;
        for (String line : Shell.check("nft", "list", "table", "ip", "netlab-lan").split("\n")) {
            String text = line.strip();
            if (text.startsWith("chain ")) {
                chain = text.substring("chain ".length(), text.length() - " {".length());
            } else if (chain != null && !text.startsWith("type ") && !text.equals("}") && !text.isEmpty()) {
                rules.add(chain + ": " + text);
            }
        }
        return rules;
    }

    // ---- text ----

    /** The blocks of the text output, by node: the lines under the node's name. */
    private static Map<String, List<String>> blocks(String text) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                current = null;
            } else if (current == null && !line.startsWith(" ") && !line.startsWith("lab ")) {
                current = new ArrayList<>();
                blocks.put(line, current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    /** The lines of a section ("  routes:") of a block, or none when it says "none". */
    private static List<String> section(List<String> block, String title) {
        int start = -1;
        for (int i = 0; i < block.size(); i++) {
            if (block.get(i).startsWith("  " + title)) {
                start = i;
            }
        }
        assertThat(start).as("section " + title + " in " + block).isNotNegative();
        List<String> lines = new ArrayList<>();
        for (int i = start + 1; i < block.size() && block.get(i).startsWith("    "); i++) {
            lines.add(block.get(i).strip());
        }
        return lines;
    }

    /** The interface table's rows, each reduced to its words separated by one blank. */
    private static Map<String, String> interfaceRows(List<String> block) {
        assertThat(block.getFirst().split("\\s+", -1)).containsSubsequence("INTERFACE", "STATE", "MAC", "MTU");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : block.subList(1, block.size())) {
            if (line.startsWith("    ") || line.strip().endsWith(":") || line.contains(": none") || line.contains("):")) {
                break;
            }
            String words = String.join(" ", line.strip().split("\\s+"));
            rows.put(words.split(" ")[0], words);
        }
        return rows;
    }

    @Test
    void textMatchesIpAndNftForEveryNode() {
        Run show = netlab("show", "lan");

        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.err()).isEmpty();
        assertThat(show.out()).startsWith("lab lan\n");
        Map<String, List<String>> blocks = blocks(show.out());
        assertThat(blocks.keySet()).containsExactly("host", "ns1", "ns2");

        List<String> host = blocks.get("host");
        assertThat(interfaceRows(host)).isEqualTo(oracleInterfaces(null, HOST_LINKS));
        assertThat(section(host, "routes:")).containsExactlyInAnyOrderElementsOf(oracleRoutes(null)).isNotEmpty();
        assertThat(section(host, "neighbours:")).containsExactlyElementsOf(oracleNeighbours(null))
                .containsExactly("192.168.0.98 dev br0 lladdr 02:00:00:00:00:98 PERMANENT");
        assertThat(section(host, "nat (table ip netlab-lan):")).containsExactlyElementsOf(oracleNftRules())
                .containsExactly("postrouting: ip saddr 192.168.0.0/24 ip daddr != 192.168.0.0/24 masquerade");

        for (String node : List.of("ns1", "ns2")) {
            List<String> block = blocks.get(node);
            assertThat(interfaceRows(block)).as(node).isEqualTo(oracleInterfaces(node, null)).containsKeys("lo", "eth0");
            assertThat(section(block, "routes:")).as(node).containsExactlyInAnyOrderElementsOf(oracleRoutes(node))
                    .contains("default via 192.168.0.254 dev eth0 proto 211");
            assertThat(section(block, "neighbours:")).as(node).containsExactlyElementsOf(oracleNeighbours(node));
            assertThat(block).as(node).noneMatch(line -> line.startsWith("  nat"));
        }
        assertThat(section(blocks.get("ns1"), "neighbours:")).containsExactly("192.168.0.99 dev eth0 lladdr 02:00:00:00:00:99 PERMANENT");
        assertThat(section(blocks.get("ns2"), "routes:")).contains("10.9.0.0/16 via 192.168.0.1 dev eth0 metric 7");
    }

    @Test
    void aTopologyFileNamesItsLab() {
        Run byName = netlab("show", "lan");
        Run byFile = netlab("show", "../topologies/lan.topo");

        assertThat(byFile.exitCode()).as(byFile.err()).isZero();
        assertThat(byFile.out()).isEqualTo(byName.out());
    }

    // ---- JSON ----

    @Test
    void jsonIsValidAndMatchesIpAndNftForEveryNode() throws Exception {
        Run show = netlab("show", "lan", "--json");

        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonNode lab = STRICT.readTree(show.out());
        assertThat(lab.get("lab").asText()).isEqualTo("lan");
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        lab.get("nodes").forEach(node -> nodes.put(node.get("name").asText(), node));
        assertThat(nodes.keySet()).containsExactly("host", "ns1", "ns2");

        for (Map.Entry<String, JsonNode> entry : nodes.entrySet()) {
            String node = entry.getKey().equals("host") ? null : entry.getKey();
            JsonNode shown = entry.getValue();
            assertThat(jsonInterfaces(shown)).as(entry.getKey()).isEqualTo(oracleInterfaces(node, node == null ? HOST_LINKS : null));
            assertThat(jsonRoutes(shown)).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(oracleJsonRoutes(node));
            assertThat(jsonNeighbours(shown)).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(oracleJsonNeighbours(node));
        }
        assertThat(jsonRoutes(nodes.get("ns1"))).contains("default via 192.168.0.254 dev eth0 proto 211 scope global");
        assertThat(jsonNeighbours(nodes.get("ns1"))).containsExactly("192.168.0.99 02:00:00:00:00:99 eth0");
        assertThat(jsonRules(nodes.get("host"))).containsExactlyElementsOf(oracleJsonRules()).singleElement(STRING)
                .matches("ip netlab-lan postrouting handle \\d+: ip saddr 192.168.0.0/24 ip daddr != 192.168.0.0/24 masquerade");
        assertThat(nodes.get("ns1").get("nat")).isEmpty();
        assertThat(nodes.get("ns1").get("interfaces").get(0).get("admin_up").isBoolean()).isTrue();
    }

    private static Map<String, String> jsonInterfaces(JsonNode node) {
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (JsonNode i : node.get("interfaces")) {
            List<String> words = new ArrayList<>(List.of(i.get("ifname").asText(), i.get("operstate").asText(),
                    i.get("address").asText(), Integer.toString(i.get("mtu").asInt()), text(i.get("kind")), text(i.get("master"))));
            for (JsonNode address : i.get("addr_info")) {
                words.add(address.get("local").asText() + "/" + address.get("prefixlen").asInt());
            }
            interfaces.put(i.get("ifname").asText(), String.join(" ", words));
        }
        return interfaces;
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "-" : value.asText();
    }

    private static String route(String dst, JsonNode gateway, JsonNode dev, String protocol, String scope, JsonNode prefsrc,
            JsonNode metric, JsonNode pref) {
        return dst + (gateway.isMissingNode() || gateway.isNull() ? "" : " via " + gateway.asText())
                + " dev " + dev.asText() + " proto " + protocol + " scope " + scope
                + (prefsrc.isMissingNode() || prefsrc.isNull() ? "" : " src " + prefsrc.asText())
                + (metric.isMissingNode() || metric.isNull() ? "" : " metric " + metric.asInt())
                + (pref.isMissingNode() || pref.isNull() ? "" : " pref " + pref.asText());
    }

    private static List<String> jsonRoutes(JsonNode node) {
        List<String> routes = new ArrayList<>();
        for (JsonNode r : node.get("routes")) {
            routes.add(route(r.get("dst").asText(), r.get("gateway"), r.get("dev"), r.get("protocol").asText(),
                    r.get("scope").asText(), r.get("prefsrc"), r.get("metric"), r.get("pref")));
        }
        return routes;
    }

    /** ip -j leaves out protocol boot and scope global. */
    private static List<String> oracleJsonRoutes(String node) {
        List<String> routes = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (JsonNode r : Json.of(ip(node, family, "-j", "route", "show"))) {
                if (node == null && !HOST_LINKS.contains(r.path("dev").asText())) {
                    continue;
                }
                routes.add(route(r.get("dst").asText(), r.path("gateway"), r.get("dev"), r.path("protocol").asText("boot"),
                        r.path("scope").asText("global"), r.path("prefsrc"), r.path("metric"), r.path("pref")));
            }
        }
        return routes;
    }

    private static List<String> jsonNeighbours(JsonNode node) {
        List<String> neighbours = new ArrayList<>();
        node.get("neighbours").forEach(n -> neighbours.add(n.get("dst").asText() + " " + n.get("lladdr").asText() + " "
                + n.get("dev").asText()));
        return neighbours;
    }

    private static List<String> oracleJsonNeighbours(String node) {
        List<String> neighbours = new ArrayList<>();
        for (JsonNode n : Json.of(ip(node, "-j", "neigh", "show"))) {
            boolean permanent = false;
            for (JsonNode state : n.path("state")) {
                permanent |= state.asText().equals("PERMANENT");
            }
            if (permanent && (node != null || HOST_LINKS.contains(n.get("dev").asText()))) {
                neighbours.add(n.get("dst").asText() + " " + n.get("lladdr").asText() + " " + n.get("dev").asText());
            }
        }
        return neighbours;
    }

    private static List<String> jsonRules(JsonNode node) {
        List<String> rules = new ArrayList<>();
        for (JsonNode table : node.get("nat")) {
            for (JsonNode rule : table.get("rules")) {
                rules.add(table.get("family").asText() + " " + table.get("table").asText() + " " + rule.get("chain").asText()
                        + " handle " + rule.get("handle").asLong() + ": " + rule.get("rule").asText());
            }
        }
        return rules;
    }

    /** The rules of nft -j list ruleset in the lab's table, their expressions written back in nft's syntax. */
    private static List<String> oracleJsonRules() {
        List<String> rules = new ArrayList<>();
        for (JsonNode object : Json.of("nft", "-j", "list", "ruleset").get("nftables")) {
            JsonNode rule = object.get("rule");
            if (rule == null || !rule.get("table").asText().equals("netlab-lan")) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (JsonNode expression : rule.get("expr")) {
                words.add(nftExpression(expression));
            }
            rules.add(rule.get("family").asText() + " " + rule.get("table").asText() + " " + rule.get("chain").asText()
                    + " handle " + rule.get("handle").asLong() + ": " + String.join(" ", words));
        }
        return rules;
    }

    private static String nftExpression(JsonNode expression) {
        if (expression.has("match")) {
            JsonNode match = expression.get("match");
            JsonNode left = match.get("left");
            String field = left.has("payload")
                    ? left.get("payload").get("protocol").asText() + " " + left.get("payload").get("field").asText()
                    : left.get("meta").get("key").asText();
            JsonNode right = match.get("right");
            String value = right.has("prefix")
                    ? right.get("prefix").get("addr").asText() + "/" + right.get("prefix").get("len").asInt()
                    : field.endsWith("ifname") ? "\"" + right.asText() + "\"" : right.asText();
            String op = match.get("op").asText();
            return field + " " + (op.equals("==") ? "" : op + " ") + value;
        }
        if (expression.has("masquerade")) {
            return "masquerade";
        }
        if (expression.has("snat")) {
            return "snat to " + expression.get("snat").get("addr").asText();
        }
        throw new AssertionError("the oracle does not read " + expression);
    }

    // ---- not up ----

    @Test
    void aLabThatIsNotUpIsALabStateError() {
        Run byName = netlab("show", "no-such-lab");
        Run byFile = netlab("show", "--json", "../topologies/aws-secondary-ip.topo");

        assertThat(byName.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(byName.out()).isEmpty();
        assertThat(byName.err()).isEqualTo("netlab: lab no-such-lab is not up (see netlab ls)\n");
        assertThat(byFile.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(byFile.err()).contains("lab aws-secondary-ip is not up");
    }

    @Test
    void aBrokenLabIsALabStateError() {
        StateStore store = StateStore.system(); // /run/netlab, private to the sandbox
        store.save(LabState.started("half", "/nowhere/half.topo", Instant.now(), LabGroups.of("half"))); // as up leaves it when interrupted
        try {
            Run show = netlab("show", "half");

            assertThat(show.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(show.err()).isEqualTo("netlab: lab half is broken (interrupted while brought up or down); "
                    + "remove it with: netlab down half\n");
        } finally {
            store.delete("half");
        }
    }
}
