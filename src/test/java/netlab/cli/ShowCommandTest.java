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
 * neighbour in ns1 and in the host, an address in ns1, a route and a veth pair in ns2): show must
 * read the kernel, not the file, and mark exactly those as made by hand.
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
        Shell.check("ip", "-n", "ns1", "addr", "add", "10.1.1.1/24", "dev", "eth0");
        Shell.check("ip", "-n", "ns2", "link", "add", "extra0", "type", "veth", "peer", "name", "extra1");
        Shell.check("ip", "-n", "ns2", "link", "set", "extra0", "up");
        Shell.check("ip", "-n", "ns2", "link", "set", "extra1", "up");
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

    /**
     * Each veth end's peer as "NODE:IFNAME", from ip -j: a host end names its peer's namespace by
     * IFLA_LINK_NETNSID, which ip netns list-id maps to a name, and its ifindex by IFLA_LINK; the
     * namespace's end is the other way round; ip names a peer inside the same namespace itself.
     */
    private static Map<String, String> oraclePeers() {
        Map<Integer, String> namespaceById = new LinkedHashMap<>();
        for (JsonNode id : Json.of("ip", "-j", "netns", "list-id")) {
            namespaceById.put(id.get("nsid").asInt(), id.path("name").asText());
        }
        Map<String, String> peers = new LinkedHashMap<>();
        for (JsonNode link : Json.of("ip", "-j", "-d", "link", "show")) {
            if (link.has("link_netnsid") && HOST_LINKS.contains(link.get("ifname").asText())) {
                String namespace = namespaceById.get(link.get("link_netnsid").asInt());
                for (JsonNode peer : Json.of(ip(namespace, "-j", "link", "show"))) {
                    if (peer.get("ifindex").asInt() == link.get("link_index").asInt()) {
                        peers.put("host:" + link.get("ifname").asText(), namespace + ":" + peer.get("ifname").asText());
                        peers.put(namespace + ":" + peer.get("ifname").asText(), "host:" + link.get("ifname").asText());
                    }
                }
            }
        }
        for (String namespace : List.of("ns1", "ns2")) {
            for (JsonNode link : Json.of(ip(namespace, "-j", "-d", "link", "show"))) {
                if (link.path("linkinfo").path("info_kind").asText().equals("veth") && !link.has("link_netnsid")) {
                    // ip names a peer in the same namespace itself ("link": "extra1").
                    peers.put(namespace + ":" + link.get("ifname").asText(), namespace + ":" + link.get("link").asText());
                }
            }
        }
        return peers;
    }

    /** Each interface as "name operstate mac mtu kind master peer addresses...", from ip -j addr and ip -j -d link. */
    private static Map<String, String> oracleInterfaces(String node, List<String> only) {
        Map<String, String> peers = oraclePeers();
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
                    link.get("mtu").asText(), kinds.get(name), masters.get(name),
                    peers.getOrDefault((node == null ? "host" : node) + ":" + name, "-")));
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
    void eachVethEndNamesItsPeer() {
        Map<String, List<String>> blocks = blocks(netlab("show", "lan").out());

        assertThat(oraclePeers()).containsOnly(Map.entry("host:ns1-eth0", "ns1:eth0"), Map.entry("ns1:eth0", "host:ns1-eth0"),
                Map.entry("host:ns2-eth0", "ns2:eth0"), Map.entry("ns2:eth0", "host:ns2-eth0"),
                Map.entry("ns2:extra0", "ns2:extra1"), Map.entry("ns2:extra1", "ns2:extra0"));
        assertThat(interfaceRows(blocks.get("ns1")).get("eth0").split(" ")[6]).isEqualTo("host:ns1-eth0");
        assertThat(interfaceRows(blocks.get("host")).get("ns1-eth0").split(" ")[6]).isEqualTo("ns1:eth0");
        assertThat(interfaceRows(blocks.get("ns2")).get("extra0").split(" ")[6]).isEqualTo("ns2:extra1");
        assertThat(interfaceRows(blocks.get("host")).get("br0").split(" ")[6]).isEqualTo("-");
    }

    @Test
    void changesMadeByHandSinceUpAreMarkedAndNothingElse() {
        Map<String, List<String>> blocks = blocks(netlab("show", "lan").out());
        String byHand = "made by hand since up (not the lab's):";

        assertThat(section(blocks.get("host"), byHand)).containsExactly(
                "neighbour 192.168.0.98 dev br0 lladdr 02:00:00:00:00:98 PERMANENT");
        assertThat(section(blocks.get("ns1"), byHand)).containsExactly(
                "address 10.1.1.1/24 dev eth0",
                "neighbour 192.168.0.99 dev eth0 lladdr 02:00:00:00:00:99 PERMANENT");
        assertThat(section(blocks.get("ns2"), byHand)).containsExactly(
                "interface extra1",
                "interface extra0",
                "route 10.9.0.0/16 via 192.168.0.1 dev eth0 metric 7");
        // What ip says of them: the address is on eth0, the route is ip route add's (proto boot).
        assertThat(Shell.check("ip", "-n", "ns1", "-br", "addr", "show", "eth0")).contains("10.1.1.1/24");
        assertThat(Shell.check("ip", "-n", "ns2", "route", "show", "proto", "boot")).isEqualTo(
                "10.9.0.0/16 via 192.168.0.1 dev eth0 metric 7 \n");
    }

    @Test
    void theSysctlsTheLabSetAreShownWithTheirLiveValues() {
        String key = "net.ipv4.ip_forward";
        String title = "sysctls set by the lab (live values):";
        assertThat(Shell.check("sysctl", "-n", key)).isEqualTo("1\n");
        assertThat(section(blocks(netlab("show", "lan").out()).get("host"), title)).containsExactly(key + " = 1");

        Shell.check("sysctl", "-qw", key + "=0"); // a student turns forwarding off
        try {
            assertThat(section(blocks(netlab("show", "lan").out()).get("host"), title))
                    .containsExactly(key + " = 0 (the lab set 1)");
        } finally {
            Shell.check("sysctl", "-qw", key + "=1");
        }
        for (String node : List.of("ns1", "ns2")) {
            assertThat(blocks(netlab("show", "lan").out()).get(node)).noneMatch(line -> line.contains("sysctls"));
        }
    }

    @Test
    void oneNodeIsShownAloneAsInTheWholeLab() {
        Run whole = netlab("show", "lan");
        Run ns1 = netlab("show", "lan", "ns1");

        assertThat(ns1.exitCode()).as(ns1.err()).isZero();
        Map<String, List<String>> blocks = blocks(ns1.out());
        assertThat(blocks.keySet()).containsExactly("ns1");
        assertThat(blocks.get("ns1")).isEqualTo(blocks(whole.out()).get("ns1"));
        assertThat(ns1.out()).isEqualTo("lab lan\n\nns1\n" + String.join("\n", blocks.get("ns1")) + "\n");
    }

    @Test
    void anUnknownNodeIsALabStateErrorNamingTheNodes() {
        Run show = netlab("show", "lan", "ns9");

        assertThat(show.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(show.out()).isEmpty();
        assertThat(show.err()).isEqualTo("netlab: lab lan has no node ns9; its nodes are host, ns1, ns2\n");
    }

    @Test
    void lsJsonListsTheLab() throws Exception {
        Run ls = netlab("ls", "--json");

        assertThat(ls.exitCode()).as(ls.err()).isZero();
        JsonNode listing = STRICT.readTree(ls.out());
        assertThat(listing.get("schema_version").asInt()).isEqualTo(1);
        assertThat(listing.get("labs")).hasSize(1);
        JsonNode lan = listing.get("labs").get(0);
        List<String> fields = new ArrayList<>();
        lan.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("lab", "status", "user", "nodes", "since", "file", "problem");
        assertThat(lan.get("lab").asText()).isEqualTo("lan");
        assertThat(lan.get("status").asText()).isEqualTo("up");
        assertThat(lan.get("user").isNull()).isTrue();
        assertThat(lan.get("nodes").isInt()).isTrue();
        assertThat(lan.get("nodes").asInt()).isEqualTo(Shell.check("ip", "netns", "list").strip().split("\n").length).isEqualTo(2);
        assertThat(Instant.parse(lan.get("since").asText())).isBefore(Instant.now());
        assertThat(lan.get("file").asText()).endsWith("/topologies/lan.topo");
        assertThat(lan.get("problem").isNull()).isTrue();
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
        assertThat(lab.get("schema_version").asInt()).isEqualTo(1);
        assertThat(lab.get("lab").asText()).isEqualTo("lan");
        assertThat(lab.get("status").asText()).isEqualTo("up");
        assertThat(lab.get("not_compared").isNull()).isTrue();
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
        assertThat(jsonByHand(lab)).containsExactlyInAnyOrder("ns1 address 10.1.1.1/24", "ns1 neighbour 192.168.0.99",
                "ns2 interface extra0", "ns2 interface extra1", "ns2 route 10.9.0.0/16", "host neighbour 192.168.0.98");
        assertThat(nodes.get("host").get("sysctls").toString())
                .isEqualTo("[{\"key\":\"net.ipv4.ip_forward\",\"value\":\"1\",\"set\":\"1\"}]");
        assertThat(nodes.get("ns1").get("sysctls")).isEmpty();
        assertThat(nodes.get("ns1").get("problems")).isEmpty();
    }

    /** Everything marked by_hand, as "NODE KIND WHAT", nodes in JSON order (the host last here, as listed below). */
    private static List<String> jsonByHand(JsonNode lab) {
        List<String> marked = new ArrayList<>();
        List<String> hostMarked = new ArrayList<>();
        for (JsonNode node : lab.get("nodes")) {
            String name = node.get("name").asText();
            List<String> into = name.equals("host") ? hostMarked : marked;
            for (JsonNode i : node.get("interfaces")) {
                if (i.get("by_hand").asBoolean()) {
                    into.add(name + " interface " + i.get("ifname").asText());
                }
                for (JsonNode a : i.get("addr_info")) {
                    if (a.get("by_hand").asBoolean()) {
                        into.add(name + " address " + a.get("local").asText() + "/" + a.get("prefixlen").asInt());
                    }
                }
            }
            node.get("routes").forEach(r -> {
                if (r.get("by_hand").asBoolean()) {
                    into.add(name + " route " + r.get("dst").asText());
                }
            });
            node.get("neighbours").forEach(n -> {
                if (n.get("by_hand").asBoolean()) {
                    into.add(name + " neighbour " + n.get("dst").asText());
                }
            });
        }
        marked.addAll(hostMarked);
        return marked;
    }

    private static Map<String, String> jsonInterfaces(JsonNode node) {
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (JsonNode i : node.get("interfaces")) {
            JsonNode peer = i.get("peer");
            List<String> words = new ArrayList<>(List.of(i.get("ifname").asText(), i.get("operstate").asText(),
                    i.get("address").asText(), Integer.toString(i.get("mtu").asInt()), text(i.get("kind")), text(i.get("master")),
                    peer.isNull() ? "-" : peer.get("node").asText() + ":" + peer.get("ifname").asText()));
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
}
