package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.route.RtmTypes;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.route.RtnetlinkGroups;
import netlab.sys.NetlinkSocket;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multicast notifications reach a subscriber, from the namespace it subscribed in only. */
@KernelTest
class KernelEventsTest {
    private Kernel kernel;
    private NetNamespace node;

    @BeforeEach
    void open() {
        kernel = new Kernel();
        node = NamedNamespaces.create("events-node");
    }

    @AfterEach
    void close() {
        kernel.close();
        node.close();
        NamedNamespaces.delete("events-node");
    }

    private static boolean mentions(NlMessage message, String name) {
        ByteBuf bytes = Unpooled.buffer();
        NetlinkCodec.encode(message, bytes);
        // IFLA_IFNAME is NUL-terminated; the link decoder is not needed to spot it.
        return bytes.toString(StandardCharsets.ISO_8859_1).contains(name + "\0");
    }

    @Test
    void linkCreatedInTheNodeIsAnnounced() throws Exception {
        CompletableFuture<NlMessage> announced = new CompletableFuture<>();
        CompletableFuture<NlMessage> hostHeard = new CompletableFuture<>();
        kernel.subscribe(node, NetlinkSocket.NETLINK_ROUTE, RtnetlinkGroups.RTMGRP_LINK, RtnetlinkDecoder.INSTANCE,
                message -> {
                    if (message.type() == RtmTypes.RTM_NEWLINK && mentions(message, "evbr")) {
                        announced.complete(message);
                    }
                });
        try (NetNamespace host = NetNamespace.host()) {
            kernel.subscribe(host, NetlinkSocket.NETLINK_ROUTE, RtnetlinkGroups.RTMGRP_LINK,
                    RtnetlinkDecoder.INSTANCE, message -> {
                        if (mentions(message, "evbr")) {
                            hostHeard.complete(message);
                        }
                    });
        }

        Shell.check("ip", "-n", "events-node", "link", "add", "evbr", "type", "bridge");

        NlMessage message = announced.get(10, TimeUnit.SECONDS);
        assertThat(message.header().sequence()).isZero(); // a notification, not a reply
        Shell.check("ip", "-n", "events-node", "link", "del", "evbr");
        assertThat(hostHeard).isNotDone();
    }
}
