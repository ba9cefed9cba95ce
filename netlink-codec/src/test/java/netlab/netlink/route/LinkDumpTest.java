package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import netlab.netlink.DonePayload;
import netlab.netlink.MacAddress;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Oracle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's reply to {@code ip link show} (lo, a veth pair with one end in a bridge, the
 * bridge, a macvlan, a vxlan, a veth whose peer is in another namespace), decoded and compared
 * with what {@code ip -j -d link show} printed for the same namespace.
 */
class LinkDumpTest {
    private static final Map<String, Integer> OPER_STATES = Map.of("UNKNOWN", LinkAttribute.IF_OPER_UNKNOWN,
            "DOWN", LinkAttribute.IF_OPER_DOWN, "UP", LinkAttribute.IF_OPER_UP);
    private static final Map<String, Integer> FLAGS = Map.of("LOOPBACK", IfInfoMsg.IFF_LOOPBACK,
            "BROADCAST", IfInfoMsg.IFF_BROADCAST, "MULTICAST", IfInfoMsg.IFF_MULTICAST, "UP", IfInfoMsg.IFF_UP,
            "LOWER_UP", IfInfoMsg.IFF_LOWER_UP, "NOARP", IfInfoMsg.IFF_NOARP, "PROMISC", IfInfoMsg.IFF_PROMISC,
            "POINTOPOINT", IfInfoMsg.IFF_POINTOPOINT, "ALLMULTI", IfInfoMsg.IFF_ALLMULTI);

    private static Fixture fixture;
    private static List<NlMessage> messages;
    private static List<LinkMessage> links;
    private static List<JsonNode> oracle;
    private static Map<String, Integer> indexByName;

    @BeforeAll
    static void decode() {
        fixture = Fixture.load("route/link-dump.txt");
        messages = NetlinkCodec.decode(fixture.buffer(), RtnetlinkDecoder.INSTANCE);
        links = new ArrayList<>();
        for (NlMessage message : messages.subList(0, messages.size() - 1)) {
            assertThat(message.type()).isEqualTo(RtmTypes.RTM_NEWLINK);
            links.add((LinkMessage) message.payload());
        }
        oracle = new ArrayList<>();
        Oracle.load("route/link-dump.json").forEach(oracle::add);
        indexByName = new HashMap<>();
        oracle.forEach(link -> indexByName.put(link.get("ifname").asText(), link.get("ifindex").asInt()));
    }

    @Test
    void dumpIsSevenLinksThenDone() {
        assertThat(messages.getLast().payload()).isEqualTo(DonePayload.ok());
        assertThat(links).hasSize(oracle.size()).hasSize(7);
    }

    @Test
    void decodeThenEncodeIsByteIdentical() {
        assertRoundTrips(messages, fixture);
    }

    @Test
    void everyLinkMatchesIpJson() {
        for (int i = 0; i < oracle.size(); i++) {
            JsonNode json = oracle.get(i);
            LinkMessage link = links.get(i);
            String name = json.get("ifname").asText();

            assertThat(link.index()).as(name).isEqualTo(json.get("ifindex").asInt());
            assertThat(link.name()).as(name).contains(name);
            assertThat(link.mtu()).as(name).contains(json.get("mtu").asInt());
            assertThat(link.address()).as(name).contains(MacAddress.parse(json.get("address").asText()));
            assertThat(link.operState()).as(name).contains(OPER_STATES.get(json.get("operstate").asText()));
            assertThat(flagNames(link.header().flags())).as(name).isEqualTo(jsonFlags(json));
            assertThat(link.master()).as(name)
                    .isEqualTo(json.has("master") ? Optional.of(indexByName.get(json.get("master").asText()))
                            : Optional.empty());
            assertThat(link.kind()).as(name).isEqualTo(json.has("linkinfo")
                    ? Optional.of(json.get("linkinfo").get("info_kind").asText())
                    : Optional.empty());
            if (json.has("link")) {
                assertThat(link.link()).as(name).contains(indexByName.get(json.get("link").asText()));
            }
            if (json.has("link_netnsid")) {
                assertThat(link.linkNetnsId()).as(name).contains(json.get("link_netnsid").asInt());
            }
            List<String> altNames = new ArrayList<>();
            if (json.has("altnames")) {
                json.get("altnames").forEach(n -> altNames.add(n.asText()));
            }
            assertThat(link.altNames()).as(name).isEqualTo(altNames);
            assertThat(link.alias().orElse(null)).as(name)
                    .isEqualTo(json.has("ifalias") ? json.get("ifalias").asText() : null);
        }
    }

    @Test
    void portAndPeerInAnotherNamespaceAreSeen() {
        LinkMessage veth0 = byName("veth0");
        assertThat(veth0.master()).contains(indexByName.get("br0"));
        assertThat(veth0.alias()).contains("netlab:lan");
        // The kernel writes strings with their NUL, unlike iproute2's requests.
        assertThat(veth0.attributes()).contains(new LinkAttribute.Alias("netlab:lan", true));
        assertThat(veth0.altNames()).containsExactly("lab-eth0");
        assertThat(byName("vp0").linkNetnsId()).contains(0);
    }

    @Test
    void kindSpecificDataMatchesIpJson() throws Exception {
        JsonNode bridgeJson = oracleOf("br0").get("linkinfo").get("info_data");
        BridgeInfo bridge = (BridgeInfo) byName("br0").linkInfo().orElseThrow().data().orElseThrow();
        assertThat(bridge.attributes()).contains(
                new BridgeInfo.StpState(bridgeJson.get("stp_state").asInt()),
                new BridgeInfo.ForwardDelay(bridgeJson.get("forward_delay").asInt()),
                new BridgeInfo.AgeingTime(bridgeJson.get("ageing_time").asInt()));

        MacvlanInfo macvlan = (MacvlanInfo) byName("mv0").linkInfo().orElseThrow().data().orElseThrow();
        assertThat(oracleOf("mv0").get("linkinfo").get("info_data").get("mode").asText()).isEqualTo("bridge");
        assertThat(macvlan.modeValue()).contains(MacvlanInfo.MACVLAN_MODE_BRIDGE);

        JsonNode vxlanJson = oracleOf("vx0").get("linkinfo").get("info_data");
        VxlanInfo vxlan = (VxlanInfo) byName("vx0").linkInfo().orElseThrow().data().orElseThrow();
        assertThat(vxlan.attributes()).contains(
                new VxlanInfo.Id(vxlanJson.get("id").asInt()),
                new VxlanInfo.Remote(InetAddress.getByName(vxlanJson.get("remote").asText())),
                new VxlanInfo.Local(InetAddress.getByName(vxlanJson.get("local").asText())),
                new VxlanInfo.Link(indexByName.get(vxlanJson.get("link").asText())),
                new VxlanInfo.Port(vxlanJson.get("port").asInt()),
                new VxlanInfo.Learning(vxlanJson.get("learning").asBoolean()));
    }

    private static LinkMessage byName(String name) {
        return links.stream().filter(l -> l.name().orElseThrow().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode oracleOf(String name) {
        return oracle.stream().filter(l -> l.get("ifname").asText().equals(name)).findFirst().orElseThrow();
    }

    private static TreeSet<String> flagNames(int flags) {
        TreeSet<String> names = new TreeSet<>();
        FLAGS.forEach((name, bit) -> {
            if ((flags & bit) != 0) {
                names.add(name);
            }
        });
        return names;
    }

    /** ip prints NO-CARRIER for an up link without IFF_LOWER_UP; it is not a flag bit. */
    private static TreeSet<String> jsonFlags(JsonNode link) {
        TreeSet<String> names = new TreeSet<>();
        link.get("flags").forEach(flag -> names.add(flag.asText()));
        names.remove("NO-CARRIER");
        return names;
    }
}
