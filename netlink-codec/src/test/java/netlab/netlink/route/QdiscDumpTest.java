package netlab.netlink.route;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The kernel's qdisc dump, decoded and rendered field by field the way {@code tc -j qdisc show}
 * (iproute2 6.1) prints a qdisc, then compared with what it did print for the same state.
 */
class QdiscDumpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // The namespace the dump came from: lo, then v1 (the peer, created first), then v0.
    private static final Map<Integer, String> DEVICES = Map.of(1, "lo", 2, "v1", 3, "v0");

    @Test
    void dumpMatchesTcJson() throws Exception {
        Fixture fixture = Fixture.load("route/qdisc-dump.txt");
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), RtnetlinkDecoder.INSTANCE);
        assertThat(messages.getLast().payload()).isEqualTo(DonePayload.ok());

        List<JsonNode> decoded = new ArrayList<>();
        for (QdiscMessage qdisc : qdiscs(messages)) {
            // Read back as text, so numbers take the node types the oracle's parser gave them.
            decoded.add(JSON.readTree(asTcPrintsIt(qdisc).toString()));
        }
        assertThat(decoded).containsExactlyElementsOf(Oracle.load("route/qdisc-dump.json"));
        assertRoundTrips(messages, fixture);
    }

    @Test
    void dumpedTbfsReadAsTheirRequestsMeantThem() {
        List<QdiscMessage> qdiscs = qdiscs(NetlinkCodec.decode(Fixture.load("route/qdisc-dump.txt").buffer(),
                RtnetlinkDecoder.INSTANCE));

        // v0: tbf rate 1000000bit burst 1514b latency 50ms; the kernel keeps the limit tc computed.
        TbfOptions v0 = (TbfOptions) qdiscs.get(2).options().orElseThrow();
        assertThat(v0.rateBitsPerSecond()).isEqualTo(1_000_000);
        assertThat(v0.burstBytes()).isEqualTo(1514);
        assertThat(v0.limitBytes()).isEqualTo(7764);
        // v1: 40 Gbit/s comes back in TCA_TBF_RATE64, the 32-bit field saying ~0U.
        TbfOptions v1 = (TbfOptions) qdiscs.get(1).options().orElseThrow();
        assertThat(v1.qopt().rate().rate()).isEqualTo(-1);
        assertThat(v1.rateBitsPerSecond()).isEqualTo(40_000_000_000L);
        assertThat(v1.limitBytes()).isEqualTo(151_400);
        assertThat(qdiscs.get(0).options()).isEmpty(); // noqueue has no options netlab models
    }

    private static List<QdiscMessage> qdiscs(List<NlMessage> messages) {
        return messages.subList(0, messages.size() - 1).stream()
                .map(message -> (QdiscMessage) message.payload()).toList();
    }

    /** The fields tc -j prints for a root qdisc, with tbf's options computed as tbf_print_opt does. */
    private static JsonNode asTcPrintsIt(QdiscMessage qdisc) {
        TcMsg header = qdisc.header();
        ObjectNode json = JSON.createObjectNode();
        json.put("kind", qdisc.kind().orElseThrow());
        json.put("handle", Integer.toHexString(header.handle() >>> 16) + ":");
        json.put("dev", DEVICES.get(header.ifindex()));
        assertThat(qdisc.isRoot()).isTrue();
        json.put("root", true);
        json.put("refcnt", header.info());
        ObjectNode options = json.putObject("options");
        qdisc.options().ifPresent(decoded -> {
            TbfOptions tbf = (TbfOptions) decoded;
            options.put("rate", tbf.rateBytesPerSecond());
            options.put("burst", tbf.burstBytes());
            // tc prints the latency the limit gives beyond the bucket, or the limit when that is negative.
            double latency = 1_000_000 * (tbf.limitBytes() / (double) tbf.rateBytesPerSecond())
                    - PschedClock.KERNEL.microseconds(tbf.qopt().bufferTicks());
            if (latency >= 0) {
                options.put("lat", (long) latency);
            } else {
                options.put("limit", tbf.limitBytes());
            }
        });
        return json;
    }
}
