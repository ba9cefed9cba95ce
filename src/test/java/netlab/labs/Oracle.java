package netlab.labs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import netlab.testing.Json;
import netlab.testing.Shell;

/**
 * What iproute2 and nft say is in a node, as short sorted lines that a test can compare with
 * the topology file: {@code ip -j} and {@code nft -j}, never netlab's own reading.
 */
final class Oracle {
    static final String HOST = "host";

    private Oracle() {}

    private static JsonNode ip(String node, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-j"));
        if (!HOST.equals(node)) {
            command.addAll(List.of("-n", node));
        }
        command.addAll(List.of(args));
        return Json.of(command.toArray(String[]::new));
    }

    /** {@code NAME KIND [master=BR] [mode=M] UP|DOWN}, e.g. {@code veth0 veth master=bridge0 UP}. */
    static List<String> links(String node) {
        List<String> links = new ArrayList<>();
        for (JsonNode link : ip(node, "-d", "link", "show")) {
            StringBuilder text = new StringBuilder(link.path("ifname").asText());
            JsonNode info = link.path("linkinfo");
            text.append(' ').append(info.isMissingNode() ? link.path("link_type").asText() : info.path("info_kind").asText());
            if (link.has("master")) {
                text.append(" master=").append(link.path("master").asText());
            }
            if (info.path("info_data").has("mode")) {
                text.append(" mode=").append(info.path("info_data").path("mode").asText());
            }
            boolean up = false;
            for (JsonNode flag : link.path("flags")) {
                up |= flag.asText().equals("UP");
            }
            text.append(up ? " UP" : " DOWN");
            links.add(text.toString());
        }
        links.sort(null);
        return links;
    }

    /** IPv4 addresses as {@code DEV ADDRESS/PREFIX}. */
    static Set<String> addresses(String node) {
        Set<String> addresses = new TreeSet<>();
        for (JsonNode link : ip(node, "-4", "addr", "show")) {
            for (JsonNode address : link.path("addr_info")) {
                addresses.add(link.path("ifname").asText() + " " + address.path("local").asText() + "/"
                        + address.path("prefixlen").asInt());
            }
        }
        return addresses;
    }

    /** IPv4 routes of the main table as {@code DST [via GW] dev DEV proto PROTO}. */
    static Set<String> routes(String node) {
        Set<String> routes = new TreeSet<>();
        for (JsonNode route : ip(node, "-4", "route", "show")) {
            routes.add(route.path("dst").asText() + (route.has("gateway") ? " via " + route.path("gateway").asText() : "")
                    + " dev " + route.path("dev").asText() + " proto " + route.path("protocol").asText());
        }
        return routes;
    }

    /** The MAC address of an interface. */
    static String mac(String node, String name) {
        return ip(node, "link", "show", "dev", name).get(0).path("address").asText();
    }

    private static JsonNode ruleset(String node) {
        return HOST.equals(node)
                ? Json.of("nft", "-j", "list", "ruleset")
                : Json.of("ip", "netns", "exec", node, "nft", "-j", "list", "ruleset");
    }

    /** nf_tables tables as {@code FAMILY NAME}. */
    static List<String> tables(String node) {
        List<String> tables = new ArrayList<>();
        for (JsonNode item : ruleset(node).path("nftables")) {
            if (item.has("table")) {
                tables.add(item.path("table").path("family").asText() + " " + item.path("table").path("name").asText());
            }
        }
        return tables;
    }

    /**
     * Chains and rules as nft would list them, in a short form:
     * {@code ip netlab-lan postrouting: nat hook postrouting prio 100 policy accept} and
     * {@code ip netlab-lan postrouting: saddr == 192.168.0.0/24, daddr != 192.168.0.0/24, masquerade}.
     */
    static List<String> natRules(String node) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : ruleset(node).path("nftables")) {
            if (item.has("chain")) {
                JsonNode chain = item.path("chain");
                lines.add(chain.path("family").asText() + " " + chain.path("table").asText() + " " + chain.path("name").asText()
                        + ": " + chain.path("type").asText() + " hook " + chain.path("hook").asText() + " prio "
                        + chain.path("prio").asText() + " policy " + chain.path("policy").asText());
            }
            if (item.has("rule")) {
                JsonNode rule = item.path("rule");
                List<String> expressions = new ArrayList<>();
                for (JsonNode expr : rule.path("expr")) {
                    expressions.add(expression(expr));
                }
                lines.add(rule.path("family").asText() + " " + rule.path("table").asText() + " " + rule.path("chain").asText()
                        + ": " + String.join(", ", expressions));
            }
        }
        return lines;
    }

    private static String expression(JsonNode expr) {
        if (expr.has("match")) {
            JsonNode match = expr.path("match");
            JsonNode left = match.path("left");
            String what = left.has("payload") ? left.path("payload").path("field").asText() : left.path("meta").path("key").asText();
            JsonNode right = match.path("right");
            String value = right.has("prefix")
                    ? right.path("prefix").path("addr").asText() + "/" + right.path("prefix").path("len").asText()
                    : right.asText();
            return what + " " + match.path("op").asText() + " " + value;
        }
        if (expr.has("snat")) {
            return "snat to " + expr.path("snat").path("addr").asText();
        }
        return expr.fieldNames().next();
    }
}
