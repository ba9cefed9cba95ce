package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.netlink.DonePayload;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Oracle;
import org.junit.jupiter.api.Test;

/** The kernel's address dump, decoded and compared with what {@code ip -j addr show} printed. */
class AddressDumpTest {
    private final Fixture fixture = Fixture.load("route/addr-dump.txt");
    private final List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), RtnetlinkDecoder.INSTANCE);

    @Test
    void everyAddressMatchesIpJson() throws Exception {
        assertThat(messages.getLast().payload()).isEqualTo(DonePayload.ok());
        List<Map<String, Object>> decoded = new ArrayList<>();
        for (NlMessage message : messages.subList(0, messages.size() - 1)) {
            assertThat(message.type()).isEqualTo(RtmTypes.RTM_NEWADDR);
            decoded.add(asIpPrintsIt((AddressMessage) message.payload()));
        }
        List<Map<String, Object>> expected = new ArrayList<>();
        for (JsonNode link : Oracle.load("route/addr-dump.json")) {
            for (JsonNode address : link.get("addr_info")) {
                expected.add(fromJson(link.get("ifindex").asInt(), address));
            }
        }
        assertThat(expected).hasSize(7);
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void kernelMadeIpv6AddressesCarryTheirProtocol() throws Exception {
        Map<String, Integer> protocols = new LinkedHashMap<>();
        for (NlMessage message : messages.subList(0, messages.size() - 1)) {
            AddressMessage address = (AddressMessage) message.payload();
            protocols.put(address.address().orElseThrow().getHostAddress() + "@" + address.header().ifindex(),
                    address.protocol().orElse(AddressAttribute.Protocol.IFAPROT_UNSPEC));
        }
        assertThat(protocols).containsEntry("0:0:0:0:0:0:0:1@1", AddressAttribute.Protocol.IFAPROT_KERNEL_LO)
                .containsEntry("2001:db8:0:0:0:0:0:1@3", AddressAttribute.Protocol.IFAPROT_UNSPEC)
                .containsEntry("192.168.0.1@3", AddressAttribute.Protocol.IFAPROT_UNSPEC);
        assertThat(protocols.entrySet()).filteredOn(e -> e.getKey().startsWith("fe80"))
                .hasSize(2).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(AddressAttribute.Protocol.IFAPROT_KERNEL_LL));
    }

    @Test
    void decodeThenEncodeGivesTheKernelsBytes() {
        assertRoundTrips(messages, fixture);
    }

    /** The fields ip -j prints for an address, from the decoded message. */
    private static Map<String, Object> asIpPrintsIt(AddressMessage address) {
        IfAddrMsg header = address.header();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ifindex", header.ifindex());
        fields.put("family", header.family() == RtFamily.AF_INET ? "inet" : "inet6");
        // ip prints IFA_LOCAL, or IFA_ADDRESS when there is no IFA_LOCAL (IPv6).
        fields.put("local", address.local().or(address::address).orElseThrow().getHostAddress());
        fields.put("prefixlen", header.prefixLength());
        address.broadcast().ifPresent(broadcast -> fields.put("broadcast", broadcast.getHostAddress()));
        fields.put("scope", switch (header.scope()) {
            case RtMsg.RT_SCOPE_UNIVERSE -> "global";
            case RtMsg.RT_SCOPE_LINK -> "link";
            case RtMsg.RT_SCOPE_HOST -> "host";
            default -> String.valueOf(header.scope());
        });
        address.label().ifPresent(label -> fields.put("label", label));
        fields.put("nodad", (address.flags() & IfAddrMsg.IFA_F_NODAD) != 0);
        fields.put("tentative", (address.flags() & IfAddrMsg.IFA_F_TENTATIVE) != 0);
        AddressAttribute.CacheInfo cache = address.cacheInfo().orElseThrow();
        fields.put("valid_life_time", Integer.toUnsignedLong(cache.validLifetime()));
        fields.put("preferred_life_time", Integer.toUnsignedLong(cache.preferredLifetime()));
        return fields;
    }

    private static Map<String, Object> fromJson(int ifindex, JsonNode json) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ifindex", ifindex);
        fields.put("family", json.get("family").asText());
        // Literal addresses: getByName parses them without any lookup.
        fields.put("local", InetAddress.getByName(json.get("local").asText()).getHostAddress());
        fields.put("prefixlen", json.get("prefixlen").asInt());
        if (json.has("broadcast")) {
            fields.put("broadcast", InetAddress.getByName(json.get("broadcast").asText()).getHostAddress());
        }
        fields.put("scope", json.get("scope").asText());
        if (json.has("label")) {
            fields.put("label", json.get("label").asText());
        }
        fields.put("nodad", json.path("nodad").asBoolean(false));
        fields.put("tentative", json.path("tentative").asBoolean(false));
        fields.put("valid_life_time", json.get("valid_life_time").asLong());
        fields.put("preferred_life_time", json.get("preferred_life_time").asLong());
        return fields;
    }
}
