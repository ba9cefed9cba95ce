package netlab.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

class NetlinkPrinterTest {
    @Test
    void printsOneLinePerAttributeIndentedUnderItsMessage() {
        List<NlMessage> messages = NetlinkCodec.decode(Fixture.load("route/neigh-dump.txt").buffer(),
                RtnetlinkDecoder.INSTANCE);

        String printed = NetlinkPrinter.print(messages.subList(1, 2), RtnetlinkDecoder.INSTANCE);

        assertThat(printed.lines()).containsSubsequence(
                "RTM_NEWNEIGH len=76 flags=0x2 seq=1795432383 port=4686",
                "  NeighbourMessage",
                "    NdMsg family=2 ifindex=2 state=128 flags=0 type=1",
                "    attributes:",
                "      Destination address=10.0.0.2",
                "      LinkLayerAddress mac=02:00:00:00:00:02",
                "      Probes count=0");
    }

    @Test
    void printsErrorsWithTheKernelsText() {
        NlMessage error = NetlinkCodec.decodeOne(Fixture.load("envelope/error-capped-extack.txt").buffer(),
                RtnetlinkDecoder.INSTANCE);

        assertThat(NetlinkPrinter.print(error, RtnetlinkDecoder.INSTANCE))
                .contains("NLMSG_ERROR len=72 flags=0x300 seq=1")
                .contains("error=-22")
                .contains("Message text=\"mtu less than device minimum\"");
    }
}
