package netlab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel state of a sandbox as {@code src/test/sandbox/kernel-state} recorded it: per
 * namespace ({@value #HOST} for the sandbox's root, netlab's host, and {@code netns NAME} for
 * each name under /run/netns), its objects ({@code link eth0}, {@code route inet main unicast
 * default dev eth0}, {@code sysctl net.ipv4.ip_forward}, {@code nft rule ip t c #1}, ...), each
 * with every field the oracle printed, flattened ({@link JsonFields}).
 *
 * <p>Only what two builds of the same lab cannot share is taken out here, each where it is
 * read and with its reason; everything else the oracles print is kept. Statistics are never
 * asked for ({@code ip} runs without {@code -s}).
 */
public record KernelState(Map<String, Map<String, Map<String, String>>> namespaces) {
    public static final String HOST = "host";
    /** The name kernel-state gives the root namespace while it records (see there). */
    private static final String HOST_WHILE_RECORDING = ".kernel-state-host";
    /** A lifetime of 0xffffffff seconds is "forever"; any other counts down while we look. */
    private static final String FOREVER = "4294967295";
    /**
     * The one net.* sysctl that is a statistic: the connections conntrack follows at the moment
     * (a packet through a namespace with a NAT hook adds one, which expires later). No other
     * net.* sysctl differs between two fresh namespaces (PlanIsWhatUpDoesTest checks it).
     */
    private static final String CONNTRACK_COUNT = "net.netfilter.nf_conntrack_count";

    public static KernelState read(Path dir) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        dirs.put(HOST, dir.resolve("host"));
        for (String name : TextFile.read(dir.resolve("namespaces")).lines().toList()) {
            dirs.put("netns " + name, dir.resolve("netns").resolve(name));
        }
        // Every namespace's interfaces by ifindex, to name a link's peer or lower device.
        Map<String, Map<Integer, String>> ifnames = new HashMap<>();
        dirs.forEach((namespace, files) -> {
            Map<Integer, String> names = new HashMap<>();
            json(files, "links.json").forEach(link -> names.put(link.path("ifindex").asInt(), link.path("ifname").asText()));
            ifnames.put(namespace, names);
        });
        Map<String, Map<String, Map<String, String>>> namespaces = new TreeMap<>();
        dirs.forEach((namespace, files) -> {
            Map<String, Map<String, String>> objects = new TreeMap<>();
            links(files, netnsids(files), ifnames, namespace, objects);
            addresses(files, objects);
            routes(files, "inet", "routes4.json", objects);
            routes(files, "inet6", "routes6.json", objects);
            json(files, "neighbours.json").forEach(n -> put(objects, "neighbour " + n.path("dst").asText() + " dev "
                    + n.path("dev").asText(), JsonFields.of(n)));
            json(files, "proxies.json").forEach(n -> put(objects, "proxy " + n.path("dst").asText() + " dev "
                    + n.path("dev").asText(), JsonFields.of(n)));
            sysctls(files, objects);
            ruleset(files, objects);
            namespaces.put(namespace, objects);
        });
        return new KernelState(namespaces);
    }

    /** Which namespace each netnsid of this namespace stands for ({@value #HOST} or {@code netns NAME}). */
    private static Map<Integer, String> netnsids(Path files) {
        Map<Integer, String> namespaces = new HashMap<>();
        for (JsonNode id : json(files, "nsids.json")) {
            if (id.has("name")) {
                String name = id.path("name").asText();
                namespaces.put(id.path("nsid").asInt(), name.equals(HOST_WHILE_RECORDING) ? HOST : "netns " + name);
            }
        }
        return namespaces;
    }

    private static void links(Path files, Map<Integer, String> netnsids, Map<String, Map<Integer, String>> ifnames,
            String namespace, Map<String, Map<String, String>> objects) {
        for (JsonNode json : json(files, "links.json")) {
            ObjectNode link = (ObjectNode) json.deepCopy();
            // ifindexes and netnsids are numbers the kernel hands out in order of creation (and a
            // netnsid on first use): the peer of a veth, the lower device of a macvlan is named
            // instead, as NAMESPACE:NAME.
            link.remove("ifindex");
            if (link.has("link_index")) {
                int index = link.remove("link_index").asInt();
                String where = link.has("link_netnsid") ? netnsids.get(link.path("link_netnsid").asInt()) : namespace;
                String name = where == null ? null : ifnames.get(where).get(index);
                link.put("link", name == null
                        ? "ifindex " + index + " of a namespace outside the sandbox (netnsid " + link.path("link_netnsid") + ")"
                        : where + ":" + name);
            } else if (link.has("link")) {
                link.put("link", namespace + ":" + link.path("link").asText());
            }
            link.remove("link_netnsid");
            // The bridge's and its ports' STP and garbage-collection timers: the kernel's clock
            // at the moment of reading, not configuration.
            for (String data : new String[] {"info_data", "info_slave_data"}) {
                if (link.path("linkinfo").path(data) instanceof ObjectNode fields) {
                    fields.properties().removeIf(field -> field.getKey().endsWith("_timer"));
                }
            }
            put(objects, "link " + link.path("ifname").asText(), JsonFields.of(link));
        }
    }

    private static void addresses(Path files, Map<String, Map<String, String>> objects) {
        for (JsonNode link : json(files, "addresses.json")) {
            for (JsonNode address : link.path("addr_info")) {
                Map<String, String> fields = JsonFields.of(address);
                // A finite lifetime counts down while we read it; "forever" stays.
                fields.replaceAll((name, value) -> name.endsWith("_life_time") && !value.equals(FOREVER) ? "finite" : value);
                put(objects, "address " + address.path("local").asText() + "/" + address.path("prefixlen").asText()
                        + " dev " + link.path("ifname").asText(), fields);
            }
        }
    }

    private static void routes(Path files, String family, String file, Map<String, Map<String, String>> objects) {
        for (JsonNode route : json(files, file)) {
            Map<String, String> fields = JsonFields.of(route);
            // A route that expires (a cached one) counts down while we read it.
            fields.computeIfPresent("expires", (name, value) -> "counting down");
            StringBuilder key = new StringBuilder("route " + family + " " + route.path("table").asText() + " "
                    + route.path("type").asText() + " " + route.path("dst").asText());
            for (String part : new String[] {"dev", "metric", "tos"}) {
                if (route.has(part)) {
                    key.append(' ').append(part).append(' ').append(route.path(part).asText());
                }
            }
            put(objects, key.toString(), fields);
        }
    }

    private static void sysctls(Path files, Map<String, Map<String, String>> objects) {
        for (String line : TextFile.read(files.resolve("sysctl.txt")).lines().toList()) {
            int equals = line.indexOf(" = ");
            String key = equals < 0 ? line : line.substring(0, equals);
            String value = equals < 0 ? "" : line.substring(equals + 3);
            put(objects, "sysctl " + key, Map.of("value", key.equals(CONNTRACK_COUNT) ? "(a statistic)" : value));
        }
    }

    private static void ruleset(Path files, Map<String, Map<String, String>> objects) {
        Map<String, Integer> rulesPerChain = new HashMap<>();
        for (JsonNode item : Json.parse(TextFile.read(files.resolve("ruleset.json"))).path("nftables")) {
            String type = item.fieldNames().next();
            ObjectNode body = item.path(type) instanceof ObjectNode object ? object.deepCopy() : null;
            if (body == null) {
                continue;
            }
            // Handles are numbers nf_tables hands out in order of creation; a rule is known by
            // its place in its chain instead.
            body.remove("handle");
            StringBuilder key = new StringBuilder("nft " + type);
            for (String part : new String[] {"family", "table", "chain", "name"}) {
                if (body.has(part)) {
                    key.append(' ').append(body.path(part).asText());
                }
            }
            if (type.equals("rule")) {
                key.append(" #").append(rulesPerChain.merge(key.toString(), 1, Integer::sum));
            }
            put(objects, key.toString(), JsonFields.of(body));
        }
    }

    /** Adds an object; a second one with the same key (two routes that differ in a field not in it) gets "#2". */
    private static void put(Map<String, Map<String, String>> objects, String key, Map<String, String> fields) {
        String unique = key;
        for (int n = 2; objects.containsKey(unique); n++) {
            unique = key + " #" + n;
        }
        objects.put(unique, fields);
    }

    private static JsonNode json(Path files, String name) {
        return Json.parse(TextFile.read(files.resolve(name)));
    }
}
