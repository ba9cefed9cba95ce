package netlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.testing.Json;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;

/** What the lab tests do to a lab: the CLI in-process and in a child JVM, and the oracles' views of it. */
final class LabTools {
    private static final Pattern REPLY = Pattern.compile("bytes from (\\S+): icmp_seq=1 ttl=(\\d+)");

    private LabTools() {}

    /** One in-process run of the CLI. */
    static Run netlab(String... args) {
        return NetlabRunner.inProcess(args);
    }

    /** {@code netlab exec NODE COMMAND...} in a JVM of its own (exec replaces the process). */
    static Shell.Result netlabExec(String node, String... command) {
        return LabRun.exec(node, command);
    }

    static Shell.Result ipNetnsExec(String node, String... command) {
        return LabRun.ipNetnsExec(node, command);
    }

    /** The TTL of the one reply of {@code ping -c1}, which must have come from {@code target}. */
    static int replyTtl(Shell.Result ping, String target) {
        assertThat(ping.exitCode()).as("ping %s: %s%s", target, ping.stdout(), ping.stderr()).isZero();
        Matcher reply = REPLY.matcher(ping.stdout());
        assertThat(reply.find()).as("a reply in: %s", ping.stdout()).isTrue();
        assertThat(reply.group(1)).isEqualTo(target);
        return Integer.parseInt(reply.group(2));
    }

    /** A ping that got no reply within its -W: ping's own status for that is 1. */
    static void assertNoReply(Shell.Result ping) {
        assertThat(ping.exitCode()).as("ping: %s%s", ping.stdout(), ping.stderr()).isEqualTo(1);
        assertThat(ping.stdout()).contains("1 packets transmitted, 0 received").doesNotContain("bytes from");
    }

    static String sysctl(String node, String key) {
        return Shell.check("ip", "netns", "exec", node, "cat", "/proc/sys/" + key.replace('.', '/')).strip();
    }

    /** The routes of a node's main table, each as "DST [via GW] dev DEV". */
    static List<String> routes(String node) {
        List<String> routes = new ArrayList<>();
        for (JsonNode route : Json.of("ip", "-n", node, "-j", "route", "show")) {
            routes.add(route.path("dst").asText()
                    + (route.has("gateway") ? " via " + route.path("gateway").asText() : "")
                    + " dev " + route.path("dev").asText());
        }
        return routes;
    }

    /** A node's interfaces, each as "NAME ADDR/LEN..." with its IPv4 addresses. */
    static List<String> ipv4Interfaces(String node) {
        List<String> interfaces = new ArrayList<>();
        for (JsonNode link : Json.of("ip", "-n", node, "-j", "-4", "address", "show")) {
            StringBuilder text = new StringBuilder(link.path("ifname").asText());
            for (JsonNode address : link.path("addr_info")) {
                text.append(' ').append(address.path("local").asText()).append('/').append(address.path("prefixlen").asInt());
            }
            interfaces.add(text.toString());
        }
        return interfaces;
    }

    static List<String> linkNames(String node) {
        List<String> names = new ArrayList<>();
        Json.of("ip", "-n", node, "-j", "link", "show").forEach(link -> names.add(link.path("ifname").asText()));
        return names;
    }

    static String mac(String node, String device) {
        return Json.of("ip", "-n", node, "-j", "link", "show", "dev", device).get(0).path("address").asText();
    }

    /**
     * The rules of the lab's table in a node, as nft -j shows them, each rendered as
     * "oifname == ens5, ip daddr != 172.31.0.0/16, snat to 172.31.37.209"; the table must hold
     * exactly one chain, a nat postrouting chain that accepts by default.
     */
    static List<String> natRules(String node, String lab) {
        JsonNode ruleset = Json.of("ip", "netns", "exec", node, "nft", "-j", "list", "table", "ip", "netlab-" + lab);
        List<String> rules = new ArrayList<>();
        int chains = 0;
        for (JsonNode item : ruleset.path("nftables")) {
            if (item.has("chain")) {
                JsonNode chain = item.path("chain");
                assertThat(List.of(chain.path("name").asText(), chain.path("type").asText(),
                        chain.path("hook").asText(), chain.path("policy").asText()))
                        .containsExactly("postrouting", "nat", "postrouting", "accept");
                chains++;
            } else if (item.has("rule")) {
                List<String> parts = new ArrayList<>();
                item.path("rule").path("expr").forEach(expr -> parts.add(render(expr)));
                rules.add(String.join(", ", parts));
            }
        }
        assertThat(chains).isEqualTo(1);
        return rules;
    }

    private static String render(JsonNode expr) {
        if (expr.has("match")) {
            JsonNode match = expr.path("match");
            JsonNode left = match.path("left");
            String what = left.has("meta") ? left.path("meta").path("key").asText()
                    : left.path("payload").path("protocol").asText() + " " + left.path("payload").path("field").asText();
            JsonNode right = match.path("right");
            String value = right.has("prefix")
                    ? right.path("prefix").path("addr").asText() + "/" + right.path("prefix").path("len").asInt()
                    : right.asText();
            return what + " " + match.path("op").asText() + " " + value;
        }
        if (expr.has("snat")) {
            return "snat to " + expr.path("snat").path("addr").asText();
        }
        if (expr.has("masquerade")) {
            return "masquerade";
        }
        throw new AssertionError("an expression the lab does not make: " + expr);
    }

    /** Names of the nf_tables tables of a node (of every family). */
    static List<String> tables(String node) {
        List<String> names = new ArrayList<>();
        Json.of("ip", "netns", "exec", node, "nft", "-j", "list", "tables").path("nftables")
                .forEach(item -> { if (item.has("table")) names.add(item.path("table").path("name").asText()); });
        return names;
    }

    /** After down: no namespace, no nf_tables table, no state directory. */
    static void assertNothingRemains(String lab) {
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
        assertThat(Json.of("nft", "-j", "list", "tables").path("nftables").findValues("table")).isEmpty();
        assertThat(Path.of("/run/netlab", lab)).doesNotExist();
    }
}
