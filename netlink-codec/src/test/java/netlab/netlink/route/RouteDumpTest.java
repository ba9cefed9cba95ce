package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.netlink.DonePayload;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Oracle;
import org.junit.jupiter.api.Test;

/**
 * The kernel's route dumps, decoded and rendered the way {@code ip -j route show} prints a route,
 * then compared with what it did print for the same state.
 */
class RouteDumpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // The namespaces the dumps came from: lo, then veth1 (the peer, created first), then veth0.
    private static final Map<Integer, String> DEVICES = Map.of(1, "lo", 2, "veth1", 3, "veth0");

    @Test
    void everyTableDumpMatchesIpJson() throws Exception {
        List<NlMessage> messages = assertMatchesOracle("route/route-dump-all.txt", "route/route-dump-all.json");

        RouteMessage mtuRoute = routes(messages).stream().filter(route -> route.table() == 1000).findFirst().orElseThrow();
        assertThat(mtuRoute.header().table()).isEqualTo(RtMsg.RT_TABLE_COMPAT); // the kernel's stand-in above 255
        assertThat(mtuRoute.metrics().orElseThrow().u32(RouteAttribute.Metrics.RTAX_MTU)).contains(1400);
    }

    @Test
    void ipv6DumpMatchesIpJson() throws Exception {
        assertMatchesOracle("route/route-dump-v6.txt", "route/route-dump-v6.json");
    }

    private static List<NlMessage> assertMatchesOracle(String dump, String oracle) throws Exception {
        Fixture fixture = Fixture.load(dump);
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), RtnetlinkDecoder.INSTANCE);
        assertThat(messages.getLast().payload()).isEqualTo(DonePayload.ok());

        List<JsonNode> decoded = new ArrayList<>();
        for (RouteMessage route : routes(messages)) {
            decoded.add(asIpPrintsIt(route));
        }
        List<JsonNode> expected = new ArrayList<>();
        for (JsonNode route : Oracle.load(oracle)) {
            expected.add(canonical((ObjectNode) route.deepCopy()));
        }
        assertThat(decoded).containsExactlyElementsOf(expected);
        assertRoundTrips(messages, fixture);
        return messages;
    }

    private static List<RouteMessage> routes(List<NlMessage> messages) {
        return messages.subList(0, messages.size() - 1).stream().map(message -> (RouteMessage) message.payload()).toList();
    }

    /** The fields ip -j prints, with ip's defaults (main table, boot, global scope, unicast) left out. */
    private static JsonNode asIpPrintsIt(RouteMessage route) {
        RtMsg header = route.header();
        ObjectNode json = JSON.createObjectNode();
        if (header.type() != RtMsg.RTN_UNICAST) {
            json.put("type", switch (header.type()) {
                case RtMsg.RTN_LOCAL -> "local";
                case RtMsg.RTN_BROADCAST -> "broadcast";
                case RtMsg.RTN_MULTICAST -> "multicast";
                case RtMsg.RTN_BLACKHOLE -> "blackhole";
                default -> String.valueOf(header.type());
            });
        }
        int fullLength = header.family() == RtFamily.AF_INET ? 32 : 128;
        json.put("dst", header.dstLength() == 0 ? "default"
                : route.destination().orElseThrow().getHostAddress()
                        + (header.dstLength() == fullLength ? "" : "/" + header.dstLength()));
        route.gateway().ifPresent(gateway -> json.put("gateway", gateway.getHostAddress()));
        route.outputInterface().ifPresent(ifindex -> json.put("dev", DEVICES.get(ifindex)));
        if (route.table() != RtMsg.RT_TABLE_MAIN) {
            json.put("table", route.table() == RtMsg.RT_TABLE_LOCAL ? "local" : String.valueOf(route.table()));
        }
        if (header.protocol() != RtMsg.RTPROT_BOOT) {
            json.put("protocol", switch (header.protocol()) {
                case RtMsg.RTPROT_KERNEL -> "kernel";
                case RtMsg.RTPROT_STATIC -> "static";
                case 99 -> "openr"; // RTPROT_OPENR in <linux/rtnetlink.h>
                default -> String.valueOf(header.protocol());
            });
        }
        if (header.scope() != RtMsg.RT_SCOPE_UNIVERSE) {
            json.put("scope", switch (header.scope()) {
                case RtMsg.RT_SCOPE_LINK -> "link";
                case RtMsg.RT_SCOPE_HOST -> "host";
                default -> String.valueOf(header.scope());
            });
        }
        route.metric().ifPresent(metric -> json.put("metric", metric));
        route.preferredSource().ifPresent(source -> json.put("prefsrc", source.getHostAddress()));
        var flags = json.putArray("flags");
        if ((header.flags() & RtMsg.RTNH_F_ONLINK) != 0) {
            flags.add("onlink");
        }
        route.metrics().flatMap(metrics -> metrics.u32(RouteAttribute.Metrics.RTAX_MTU))
                .ifPresent(mtu -> json.putArray("metrics").addObject().put("mtu", mtu));
        route.preference().ifPresent(preference -> json.put("pref", switch (preference) {
            case RouteAttribute.Preference.ICMPV6_ROUTER_PREF_MEDIUM -> "medium";
            case RouteAttribute.Preference.ICMPV6_ROUTER_PREF_HIGH -> "high";
            case RouteAttribute.Preference.ICMPV6_ROUTER_PREF_LOW -> "low";
            default -> String.valueOf(preference);
        }));
        return json;
    }

    /** ip's JSON with its addresses rewritten in Java's notation, so both sides print alike. */
    private static JsonNode canonical(ObjectNode route) throws Exception {
        String dst = route.get("dst").asText();
        if (!dst.equals("default")) {
            String[] prefix = dst.split("/");
            // Literal addresses: getByName parses them without any lookup.
            route.put("dst", InetAddress.getByName(prefix[0]).getHostAddress() + (prefix.length > 1 ? "/" + prefix[1] : ""));
        }
        for (String field : List.of("gateway", "prefsrc")) {
            if (route.has(field)) {
                route.put(field, InetAddress.getByName(route.get(field).asText()).getHostAddress());
            }
        }
        return route;
    }
}
