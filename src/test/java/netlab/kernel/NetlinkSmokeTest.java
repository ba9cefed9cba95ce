package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.netlink.HostOrder;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.RawPayload;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.NetlinkSocket;
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
    private static final int RTM_GETLINK = 18;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_DUMP = 0x300;
    private static final int IFINFOMSG_SIZE = 16;
    private static final int IFLA_IFNAME = 3;
    private static final int IFF_LOOPBACK = 0x8;
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
        group.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void linkDumpThroughEpollMatchesIpLink() {
        IoEventLoop loop = group.next();
        Map<String, int[]> links;
        try (NetlinkChannel channel = NetlinkChannel.register(
                NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0), loop, RtnetlinkDecoder.INSTANCE)) {
            links = decodeLinks(channel.call(new NetlinkRequest("list links", getLinkDump())));
        }

        String ipLink = Shell.check("ip", "-j", "link", "show");
        assertThat(links).containsOnlyKeys("lo", BRIDGE);
        assertThat(ipLink).contains("\"ifname\":\"lo\"", "\"ifname\":\"" + BRIDGE + "\"");
        assertThat(links.get("lo")[0]).isEqualTo(1);
        assertThat(links.get("lo")[1] & IFF_LOOPBACK).isEqualTo(IFF_LOOPBACK);
        assertThat(ipLink).contains("\"ifindex\":" + links.get(BRIDGE)[0] + ",\"ifname\":\"" + BRIDGE + "\"");
    }

    /** nlmsghdr + an all-zero ifinfomsg: the strict-check form of "ip link show". */
    private static NlMessage getLinkDump() {
        return NlMessage.request(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, new RawPayload(new byte[IFINFOMSG_SIZE]));
    }

    /** Name -> {ifindex, flags}, read straight from the ifinfomsg and its IFLA_IFNAME attribute. */
    private static Map<String, int[]> decodeLinks(List<NlMessage> replies) {
        Map<String, int[]> links = new HashMap<>();
        for (NlMessage reply : replies) {
            ByteBuf message = Unpooled.buffer();
            NetlinkCodec.encode(reply, message);
            int ifindex = HostOrder.getInt(message, NlMsgHeader.SIZE + 4);
            int flags = HostOrder.getInt(message, NlMsgHeader.SIZE + 8);
            int offset = NlMsgHeader.SIZE + IFINFOMSG_SIZE;
            while (offset + 4 <= message.readableBytes()) {
                int length = HostOrder.getUnsignedShort(message, offset);
                int type = HostOrder.getUnsignedShort(message, offset + 2);
                if (type == IFLA_IFNAME) {
                    String name = message.toString(offset + 4, length - 5, StandardCharsets.US_ASCII);
                    links.put(name, new int[] {ifindex, flags});
                }
                offset += NlMsgHeader.align(Math.max(length, 4));
            }
        }
        return links;
    }
}
