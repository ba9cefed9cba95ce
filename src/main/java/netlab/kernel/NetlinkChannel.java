package netlab.kernel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import netlab.error.InterruptedWaitException;
import netlab.netlink.CodecException;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import netlab.netlink.PayloadDecoder;
import netlab.sys.Errno;
import netlab.sys.NetlinkSocket;

/**
 * A netlink socket driven by Netty's native epoll loop. Requests get a sequence number and a
 * future; replies are matched by sequence number and port id; messages nobody asked for
 * (multicast notifications) go to the event listener.
 *
 * <p>Requests are pipelined: many go out in one write (the kernel handles the messages of one
 * send in order), with no more unanswered at a time than their answers can take of the receive
 * buffer ({@link #REPLY_BUDGET}), so that no answer is ever dropped. All mutable state is touched
 * only on the loop's thread.
 */
public final class NetlinkChannel implements AutoCloseable {
    /**
     * The room that the answers to unanswered requests may take: the receive buffer netlab asks
     * for (the kernel doubles it for its bookkeeping). About a thousand ACKs, a hundred echoes.
     */
    static final long REPLY_BUDGET = NetlinkSocket.RECEIVE_BUFFER;
    /** One write carries at most this many bytes, well under the socket's send buffer. */
    private static final int MAX_WRITE = 256 * 1024;
    private static final int DUMP_ATTEMPTS = 5;

    private final NetlinkSocket socket;
    private final IoEventLoop loop;
    private final PayloadDecoder decoder;
    private final Consumer<NlMessage> events;
    private final FileDescriptor fd;
    private final DatagramReader reader;
    private final Unanswered pending = new Unanswered();
    private final Queue<PendingRequest> waiting = new ArrayDeque<>();
    private IoRegistration registration;
    private int nextSequence = 1;
    private boolean closed;

    private NetlinkChannel(NetlinkSocket socket, IoEventLoop loop, PayloadDecoder decoder, Consumer<NlMessage> events) {
        this.socket = socket;
        this.loop = loop;
        this.decoder = decoder;
        this.events = events;
        this.fd = new FileDescriptor(socket.fd());
        this.reader = new DatagramReader(fd, this::dispatch, this::receiveFailed);
    }

    /**
     * Registers {@code socket} on {@code loop}; the channel owns the socket from now on.
     * {@code events} receives notifications (for sockets bound to multicast groups).
     */
    public static NetlinkChannel register(NetlinkSocket socket, IoEventLoop loop, PayloadDecoder decoder,
            Consumer<NlMessage> events) {
        return registerOnLoop(List.of(new NetlinkChannel(socket, loop, decoder, events)), loop).getFirst();
    }

    public static NetlinkChannel register(NetlinkSocket socket, IoEventLoop loop, PayloadDecoder decoder) {
        return register(socket, loop, decoder, message -> { });
    }

    /**
     * As {@link #register}, for many sockets at once with one hand-over to the loop: a batch of
     * new namespaces brings hundreds, and a round trip to the loop thread each cost more than
     * the registrations themselves. If one cannot be registered, none is kept.
     */
    public static List<NetlinkChannel> registerAll(List<NetlinkSocket> sockets, IoEventLoop loop, PayloadDecoder decoder) {
        List<NetlinkChannel> channels = new ArrayList<>(sockets.size());
        sockets.forEach(socket -> channels.add(new NetlinkChannel(socket, loop, decoder, message -> { })));
        return registerOnLoop(channels, loop);
    }

    private static List<NetlinkChannel> registerOnLoop(List<NetlinkChannel> channels, IoEventLoop loop) {
        try {
            // On the loop's own thread, register() completes at once.
            loop.submit(() -> {
                for (NetlinkChannel channel : channels) {
                    channel.registration = loop.register(channel.reader).sync().getNow();
                    channel.registration.submit(EpollIoOps.EPOLLIN);
                }
                return null;
            }).sync();
        } catch (InterruptedException e) {
            closeAll(channels);
            throw new InterruptedWaitException("registering a netlink socket", e);
        } catch (RuntimeException e) {
            closeAll(channels);
            throw e;
        }
        return channels;
    }

    public int portId() {
        return socket.portId();
    }

    /**
     * Sends one request and completes with its replies (the dump's messages, or nothing for a
     * plain request once the kernel ACKs it). Every non-dump request asks for an ACK; a dump the
     * kernel reports as interrupted (NLM_F_DUMP_INTR) is started again.
     */
    public CompletableFuture<List<NlMessage>> send(NetlinkRequest request) {
        return sendAll(List.of(request)).getFirst();
    }

    /** Sends many requests pipelined, in order, and returns one future per request. */
    public List<CompletableFuture<List<NlMessage>>> sendAll(List<NetlinkRequest> requests) {
        // One hand-over to the loop for all of them, so they can share writes.
        List<CompletableFuture<List<NlMessage>>> first = enqueue(requests);
        List<CompletableFuture<List<NlMessage>>> answers = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NetlinkRequest request = requests.get(i);
            answers.add(request.isDump() ? retryInterrupted(request, first.get(i), DUMP_ATTEMPTS - 1) : first.get(i));
        }
        return answers;
    }

    /** Queues requests for the loop, each asking for an ACK, without any retry. */
    private List<CompletableFuture<List<NlMessage>>> enqueue(List<NetlinkRequest> requests) {
        List<PendingRequest> queued = requests.stream().map(r -> new PendingRequest(withAck(r))).toList();
        loop.execute(() -> {
            waiting.addAll(queued);
            flush();
        });
        return queued.stream().map(PendingRequest::answer).toList();
    }

    /**
     * Sends an nf_tables batch ({@code batch}: begin ... end, one transaction) in one write, then
     * {@code sentinel} (a request answered with an ACK, such as NFT_MSG_GETGEN) in a second
     * write: the kernel ignores whatever follows the end marker in the batch's own datagram, and
     * answers writes in order, so once the sentinel is answered every reply to the batch has
     * arrived. Batch messages without NLM_F_ACK (the markers) are not tracked; one that asked for
     * an ACK and got no answer was not applied (the kernel aborted the batch): ECANCELED.
     */
    public CompletableFuture<Void> sendTransaction(List<NetlinkRequest> batch, NetlinkRequest sentinel) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> writeTransaction(batch, sentinel, done));
        return done;
    }

    /** Blocking form of {@link #send}: the replies, or the kernel's refusal as a KernelException. */
    public List<NlMessage> call(NetlinkRequest request) {
        return Answers.await(send(request));
    }

    private static NetlinkRequest withAck(NetlinkRequest request) {
        if (request.isDump() || request.message().hasFlags(NlmFlags.NLM_F_ACK)) {
            return request;
        }
        NlMsgHeader h = request.message().header();
        return new NetlinkRequest(request.description(), new NlMessage(
                new NlMsgHeader(0, h.type(), h.flags() | NlmFlags.NLM_F_ACK, 0, 0), request.message().payload()));
    }

    private CompletableFuture<List<NlMessage>> retryInterrupted(
            NetlinkRequest request, CompletableFuture<List<NlMessage>> first, int attemptsLeft) {
        return first.handle((replies, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof PendingRequest.DumpInterruptedException) {
                if (attemptsLeft <= 0) {
                    return CompletableFuture.<List<NlMessage>>failedFuture(new KernelException(
                            request.description(), Errno.EAGAIN.value(),
                            "the dump was interrupted " + DUMP_ATTEMPTS + " times by concurrent changes"));
                }
                return retryInterrupted(request, enqueue(List.of(request)).getFirst(), attemptsLeft - 1);
            }
            return failure == null ? CompletableFuture.completedFuture(replies)
                    : CompletableFuture.<List<NlMessage>>failedFuture(cause);
        }).thenCompose(next -> next);
    }

    /** Writes waiting requests while the window has room, many per write. */
    private void flush() {
        while (!waiting.isEmpty() && hasRoomFor(waiting.peek()) && !closed) {
            ByteBuf datagram = PooledByteBufAllocator.DEFAULT.directBuffer();
            List<PendingRequest> written = new ArrayList<>();
            try {
                while (!waiting.isEmpty() && hasRoomFor(waiting.peek()) && datagram.readableBytes() < MAX_WRITE) {
                    PendingRequest next = waiting.poll();
                    int sequence = nextSequence();
                    encode(stamped(next.request().message(), sequence), datagram);
                    pending.put(sequence, next);
                    written.add(next);
                }
                write(datagram);
            } catch (IOException | RuntimeException e) {
                written.forEach(request -> request.fail(writeFailure(request, e)));
                pending.removeAll(written);
            } finally {
                datagram.release();
            }
        }
    }

    private void writeTransaction(List<NetlinkRequest> batch, NetlinkRequest sentinel, CompletableFuture<Void> done) {
        List<PendingRequest> tracked = new ArrayList<>();
        List<PendingRequest> markers = new ArrayList<>();
        PendingRequest last = new PendingRequest(withAck(sentinel));
        try {
            writeNow(batch, tracked, markers);
            writeNow(List.of(last.request()), new ArrayList<>(List.of(last)), new ArrayList<>());
        } catch (IOException | RuntimeException e) {
            pending.removeAll(tracked);
            pending.removeAll(markers);
            pending.removeAll(List.of(last));
            done.completeExceptionally(writeFailure(last, e));
            return;
        }
        last.answer().whenComplete((replies, failure) -> TransactionOutcome.settle(tracked, markers, last, pending, done));
    }

    /**
     * Writes {@code requests} as one datagram, bypassing the window (a transaction cannot be
     * split); those asking for an ACK are tracked, or {@code toTrack} when it already holds them;
     * the others are tracked in {@code silent}, to catch an error the kernel sends for them.
     */
    private void writeNow(List<NetlinkRequest> requests, List<PendingRequest> toTrack, List<PendingRequest> silent)
            throws IOException {
        ByteBuf datagram = PooledByteBufAllocator.DEFAULT.directBuffer();
        boolean given = !toTrack.isEmpty();
        try {
            for (int i = 0; i < requests.size(); i++) {
                NetlinkRequest request = requests.get(i);
                int sequence = nextSequence();
                encode(stamped(request.message(), sequence), datagram);
                if (given) {
                    pending.put(sequence, toTrack.get(i));
                } else {
                    PendingRequest pendingRequest = new PendingRequest(request);
                    pending.put(sequence, pendingRequest);
                    (request.message().hasFlags(NlmFlags.NLM_F_ACK) ? toTrack : silent).add(pendingRequest);
                }
            }
            write(datagram);
        } finally {
            datagram.release();
        }
    }

    /** Appends one message to the datagram, and to the trace with the length it got. */
    private void encode(NlMessage message, ByteBuf datagram) {
        int start = NlMsgHeader.align(datagram.writerIndex());
        NetlinkCodec.encode(message, datagram);
        if (NetlinkTrace.on()) {
            NlMsgHeader h = message.header();
            NetlinkTrace.sent(new NlMessage(new NlMsgHeader(datagram.writerIndex() - start, h.type(), h.flags(),
                    h.sequence(), h.portId()), message.payload()), decoder, socket.portId());
        }
    }

    private int nextSequence() {
        int sequence = nextSequence++;
        if (nextSequence == 0) {
            nextSequence = 1; // 0 is what notifications carry
        }
        return sequence;
    }

    private NlMessage stamped(NlMessage message, int sequence) {
        NlMsgHeader h = message.header();
        return RequestFaults.sending(new NlMessage(new NlMsgHeader(0, h.type(), h.flags(), sequence, socket.portId()),
                message.payload()));
    }

    private static RuntimeException writeFailure(PendingRequest request, Exception e) {
        if (e instanceof RuntimeException runtime && !(e instanceof CodecException)) {
            return runtime;
        }
        return new KernelException(request.request().description(), Errno.EIO.value(), "sending failed: " + e.getMessage());
    }

    /** One request always goes; more only while their answers fit the budget. */
    private boolean hasRoomFor(PendingRequest next) {
        return pending.isEmpty() || pending.replyBytes() + next.replyBytes() <= REPLY_BUDGET;
    }

    private void write(ByteBuf datagram) throws IOException {
        ByteBuffer nio = datagram.nioBuffer();
        int length = nio.remaining();
        int written = fd.write(nio, nio.position(), nio.limit());
        if (written != length) {
            throw new IOException("netlink write sent " + written + " of " + length + " bytes");
        }
        RequestFaults.written();
    }

    /** Decodes one datagram and hands each message to its request, or to the event listener. */
    private void dispatch(ByteBuf datagram) {
        List<NlMessage> messages;
        try {
            messages = NetlinkCodec.decode(datagram, decoder);
        } catch (CodecException e) {
            failAll(new KernelException("read the kernel's reply", Errno.EBADMSG.value(), e.getMessage()));
            return;
        }
        for (NlMessage message : messages) {
            if (NetlinkTrace.on()) {
                NetlinkTrace.received(message, decoder, socket.portId());
            }
            PendingRequest request = message.header().portId() == socket.portId()
                    ? pending.get(message.header().sequence()) : null;
            if (request == null) {
                events.accept(message);
            } else if (request.accept(message)) {
                pending.remove(message.header().sequence());
            }
        }
        flush();
    }

    /** ENOBUFS and other receive errors: replies may be lost, so every waiting request fails. */
    private void receiveFailed(IOException e) {
        boolean overflow = e.getMessage() != null && e.getMessage().contains("No buffer space");
        failAll(new KernelException("receive netlink replies",
                overflow ? Errno.ENOBUFS.value() : Errno.EIO.value(),
                overflow ? "the socket's receive buffer overflowed; replies or events were lost" : e.getMessage()));
    }

    private void failAll(RuntimeException cause) {
        List<PendingRequest> all = pending.clear();
        all.addAll(waiting);
        waiting.clear();
        all.forEach(request -> request.fail(cause));
    }

    @Override
    public void close() {
        closeAll(List.of(this));
    }

    /**
     * Closes many channels with one hand-over to each loop instead of one per channel (a big
     * lab's session ends with a thousand of them).
     */
    static void closeAll(Collection<NetlinkChannel> channels) {
        Map<IoEventLoop, List<NetlinkChannel>> byLoop = new LinkedHashMap<>();
        channels.forEach(channel -> byLoop.computeIfAbsent(channel.loop, loop -> new ArrayList<>()).add(channel));
        byLoop.forEach((loop, onLoop) -> loop.submit(() -> onLoop.forEach(NetlinkChannel::stopOnLoop))
                .syncUninterruptibly());
        for (NetlinkChannel channel : channels) {
            channel.reader.release();
            channel.socket.close();
        }
    }

    private void stopOnLoop() {
        closed = true;
        failAll(new IllegalStateException("netlink channel closed"));
        if (registration != null) {
            registration.cancel();
        }
    }
}
