package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import netlab.netlink.DonePayload;
import netlab.netlink.ErrorPayload;
import netlab.netlink.ExtAckAttribute;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import netlab.netlink.route.IfInfoMsg;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.RtmTypes;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel's correlation, retry and error paths, against a kernel played by a function. */
class NetlinkChannelFakeKernelTest {
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final List<NlMessage> events = new ArrayList<>();
    private NetlinkChannel channel;

    @AfterEach
    void stop() {
        channel.close();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void connect(Function<NlMessage, List<NlMessage>> kernel) throws Exception {
        channel = NetlinkChannel.register(FakeKernel.start(group.next(), RtnetlinkDecoder.INSTANCE, kernel),
                group.next(), RtnetlinkDecoder.INSTANCE, events::add);
    }

    private static NlMessage reply(NlMessage request, int type, int flags, netlab.netlink.NlPayload payload) {
        return new NlMessage(new NlMsgHeader(0, type, flags, request.header().sequence(), request.header().portId()),
                payload);
    }

    private static NlMessage link(NlMessage request, int flags, String name) {
        return reply(request, RtmTypes.RTM_NEWLINK, NlmFlags.NLM_F_MULTI | flags,
                new LinkMessage(new IfInfoMsg(0, 1, 7, 0, 0), new LinkAttribute.Name(name)));
    }

    private static NlMessage done(NlMessage request) {
        return reply(request, NlMsgHeader.NLMSG_DONE, NlmFlags.NLM_F_MULTI, DonePayload.ok());
    }

    @Test
    void interruptedDumpIsStartedAgainAndOnlyTheCleanAnswerReturns() throws Exception {
        AtomicInteger dumps = new AtomicInteger();
        connect(request -> dumps.incrementAndGet() == 1
                ? List.of(link(request, NlmFlags.NLM_F_DUMP_INTR, "stale0"), done(request))
                : List.of(link(request, 0, "fresh0"), done(request)));

        List<NlMessage> replies = channel.call(new NetlinkRequest("list links", LinkRequests.dump()));

        assertThat(dumps).hasValue(2);
        assertThat(replies).extracting(m -> ((LinkMessage) m.payload()).name().orElseThrow()).containsExactly("fresh0");
    }

    @Test
    void dumpInterruptedEveryTimeGivesUpWithEagain() throws Exception {
        connect(request -> List.of(link(request, NlmFlags.NLM_F_DUMP_INTR, "stale0"), done(request)));

        assertThatThrownBy(() -> channel.call(new NetlinkRequest("list links", LinkRequests.dump())))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN))
                .hasMessageContaining("interrupted 5 times");
    }

    @Test
    void errorsCarryTheOperationErrnoAndExtendedAck() throws Exception {
        connect(request -> List.of(reply(request, NlMsgHeader.NLMSG_ERROR, NlmFlags.NLM_F_CAPPED | NlmFlags.NLM_F_ACK_TLVS,
                new ErrorPayload(-Errno.EBUSY.value(), request.header(), new byte[0],
                        List.of(new ExtAckAttribute.Message("device is busy"))))));

        assertThatThrownBy(() -> channel.call(new NetlinkRequest("delete br0 in ns1", LinkRequests.deleteGroup(7))))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EBUSY);
                    assertThat(e.operation()).isEqualTo("delete br0 in ns1");
                    assertThat(e.kernelMessage()).hasValue("device is busy");
                })
                .hasMessage("delete br0 in ns1: EBUSY (Device or resource busy): kernel says \"device is busy\"");
    }

    @Test
    void everyRequestAsksForAnAckAndRepliesFindTheirRequests() throws Exception {
        List<NlMessage> seen = new ArrayList<>();
        connect(request -> {
            seen.add(request);
            // An unrelated notification first (sequence 0), then the ACK.
            return List.of(new NlMessage(new NlMsgHeader(0, RtmTypes.RTM_NEWLINK, 0, 0, 0),
                            new LinkMessage(new IfInfoMsg(0, 1, 9, 0, 0))),
                    reply(request, NlMsgHeader.NLMSG_ERROR, NlmFlags.NLM_F_CAPPED, ErrorPayload.ack(request.header())));
        });

        List<CompletableFuture<List<NlMessage>>> answers = channel.sendAll(List.of(
                new NetlinkRequest("up 7", LinkRequests.setUp(7, List.of())),
                new NetlinkRequest("mtu of 7", LinkRequests.setMtu(7, 1400))));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.get(5, TimeUnit.SECONDS)).isEmpty());
        assertThat(seen).allSatisfy(request -> assertThat(request.hasFlags(NlmFlags.NLM_F_ACK)).isTrue());
        assertThat(seen).extracting(m -> m.header().sequence()).doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(request -> assertThat(request.header().portId()).isEqualTo(FakeKernel.PORT_ID));
        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.header().sequence()).isZero());
    }
}
