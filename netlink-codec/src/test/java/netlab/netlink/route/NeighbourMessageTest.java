package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;
import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.DonePayload;
import netlab.netlink.MacAddress;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Oracle;
import org.junit.jupiter.api.Test;

class NeighbourMessageTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:02");

    @Test
    void permanentEntryEncodesAsIpNeighAdd() throws Exception {
        NlMessage request = NlMessage.request(RtmTypes.RTM_NEWNEIGH,
                NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE,
                NeighbourMessage.permanent(7, InetAddress.getByName("10.0.0.2"), MAC));

        assertEncodesTo(request, Fixture.load("route/neigh-add-permanent-v4.txt"));
    }

    @Test
    void ipNeighAddDecodesToThePermanentEntry() throws Exception {
        Fixture fixture = Fixture.load("route/neigh-add-permanent-v4.txt");

        NlMessage decoded = NetlinkCodec.decodeOne(fixture.buffer(), RtnetlinkDecoder.INSTANCE);

        assertThat(decoded.type()).isEqualTo(RtmTypes.RTM_NEWNEIGH);
        assertThat(decoded.payload()).isEqualTo(
                NeighbourMessage.permanent(2, InetAddress.getByName("10.0.0.2"), MAC)); // br0 was ifindex 2
        assertRoundTrips(List.of(decoded), fixture);
    }

    @Test
    void ipNeighDelIsTheDeletionBothWays() throws Exception {
        Fixture fixture = Fixture.load("route/neigh-del-v6.txt");
        NeighbourMessage deletion = NeighbourMessage.delete(1, InetAddress.getByName("2001:db8::9"));

        assertEncodesTo(NlMessage.request(RtmTypes.RTM_DELNEIGH, NLM_F_REQUEST | NLM_F_ACK, deletion), fixture);
        NlMessage decoded = NetlinkCodec.decodeOne(fixture.buffer(), RtnetlinkDecoder.INSTANCE);
        assertThat(decoded.type()).isEqualTo(RtmTypes.RTM_DELNEIGH);
        assertThat(decoded.payload()).isEqualTo(deletion);
        assertRoundTrips(List.of(decoded), fixture);
    }

    @Test
    void kernelDumpMatchesIpJson() throws Exception {
        Fixture fixture = Fixture.load("route/neigh-dump.txt");
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), RtnetlinkDecoder.INSTANCE);

        assertThat(messages.getLast().payload()).isEqualTo(DonePayload.ok());
        List<String> permanent = new ArrayList<>();
        for (NlMessage message : messages.subList(0, messages.size() - 1)) {
            NeighbourMessage neighbour = (NeighbourMessage) message.payload();
            if (neighbour.header().state() == NdMsg.NUD_PERMANENT) {
                permanent.add(neighbour.destination().orElseThrow().getHostAddress()
                        + " " + neighbour.linkLayerAddress().orElseThrow());
            }
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode entry : Oracle.load("route/neigh-dump.json")) {
            assertThat(entry.get("state").get(0).asText()).isEqualTo("PERMANENT");
            // A literal address: getByName parses it without any lookup.
            expected.add(InetAddress.getByName(entry.get("dst").asText()).getHostAddress()
                    + " " + entry.get("lladdr").asText());
        }
        assertThat(permanent).containsExactlyElementsOf(expected);
        assertRoundTrips(messages, fixture);
    }
}
