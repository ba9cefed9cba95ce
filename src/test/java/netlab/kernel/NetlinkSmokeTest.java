package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.netlink.route.IfInfoMsg;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.NetlinkSocket;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ground holds: an AF_NETLINK socket opened through FFM, registered on Netty's epoll loop,
 * answers an RTM_GETLINK dump with the sandbox's links, as {@code ip -j link} reports them.
 */
@KernelTest
class NetlinkSmokeTest {
    private static final String BRIDGE = "smoke0";

    private static MultiThreadIoEventLoopGroup group;

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        // A second link besides lo, so the dump must really be walked, not just its first entry.
        Shell.check("ip", "link", "add", BRIDGE, "type", "bridge");
    }

    @AfterAll
    static void stop() {
        Shell.check("ip", "link", "del", BRIDGE);
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void linkDumpThroughEpollMatchesIpLink() {
        IoEventLoop loop = group.next();
        List<LinkMessage> links = new ArrayList<>();
        try (NetlinkChannel channel = NetlinkChannel.register(
                NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0), loop, RtnetlinkDecoder.INSTANCE)) {
            channel.call(new NetlinkRequest("list links", LinkRequests.dump()))
                    .forEach(reply -> links.add((LinkMessage) reply.payload()));
        }

        JsonNode ipLink = Json.of("ip", "-j", "link", "show");
        assertThat(links).extracting(link -> link.name().orElseThrow()).containsExactly("lo", BRIDGE);
        for (int i = 0; i < links.size(); i++) {
            assertThat(links.get(i).index()).isEqualTo(ipLink.get(i).get("ifindex").asInt());
            assertThat(links.get(i).name()).hasValue(ipLink.get(i).get("ifname").asText());
        }
        assertThat(links.getFirst().header().flags() & IfInfoMsg.IFF_LOOPBACK).isNotZero();
    }
}
