package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.NetlinkSocket;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests whose answer is a whole link (NLM_F_ECHO) are sent fewer at a time than those
 * answered by a bare ACK: a thousand echoed veth pairs in one go (a 1000-node star) overflowed
 * the socket's receive buffer (ENOBUFS), where a thousand ACKs fit.
 */
@KernelTest
class EchoedRepliesTest {
    private static final int PAIRS = 800;
    private static final int GROUP = 4242;

    @AfterEach
    void deleteThePairs() {
        Shell.run("ip", "link", "delete", "group", Integer.toString(GROUP));
        assertThat(Shell.check("ip", "-o", "link", "show")).doesNotContain("echo-");
    }

    @Test
    void manyEchoedCreationsInOneGoAllGetTheirEcho() {
        MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try (NetlinkChannel channel = NetlinkChannel.register(
                NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0), loops.next(), RtnetlinkDecoder.INSTANCE)) {
            List<NetlinkRequest> requests = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                List<LinkAttribute> group = List.of(new LinkAttribute.Group(GROUP));
                requests.add(new NetlinkRequest("create echo-a" + i, LinkRequests.createVeth("echo-a" + i, group,
                        "echo-b" + i, group).withFlags(NlmFlags.NLM_F_ECHO)));
            }

            List<CompletableFuture<List<NlMessage>>> answers = channel.sendAll(requests);

            for (int i = 0; i < PAIRS; i++) {
                List<NlMessage> echo = answers.get(i).join();
                assertThat(echo).as("the echo of pair %d", i).singleElement()
                        .extracting(m -> ((LinkMessage) m.payload()).name().orElseThrow()).isEqualTo("echo-a" + i);
            }
        } finally {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
        assertThat(Shell.check("ip", "-o", "link", "show", "group", Integer.toString(GROUP)).lines()).hasSize(2 * PAIRS);
    }
}
