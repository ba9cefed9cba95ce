package netlab.kernel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import netlab.netlink.HostOrder;
import netlab.netlink.NlMsgHeader;
import netlab.sys.NetlinkSocket;

/**
 * A netlink socket driven by Netty's native epoll loop: requests are written from the loop's
 * thread, replies are read when epoll reports the socket readable and handed to the request with
 * the same sequence number.
 *
 * <p>All mutable state is touched only on the loop's thread, so it needs no locks.
 */
public final class NetlinkChannel implements AutoCloseable {
    /**
     * One datagram never exceeds this: the kernel caps a dump's datagram at 32 KiB (see
     * netlink_dump in net/netlink/af_netlink.c) and our ACKs are capped (NETLINK_CAP_ACK).
     */
    private static final int DATAGRAM_BUFFER = 64 * 1024;

    private final NetlinkSocket socket;
    private final IoEventLoop loop;
    private final FileDescriptor fd;
    private final ByteBuf receiveBuffer = Unpooled.directBuffer(DATAGRAM_BUFFER, DATAGRAM_BUFFER);
    private final Map<Integer, PendingRequest> pending = new HashMap<>();
    private IoRegistration registration;
    private int nextSequence = 1;

    private NetlinkChannel(NetlinkSocket socket, IoEventLoop loop) {
        this.socket = socket;
        this.loop = loop;
        this.fd = new FileDescriptor(socket.fd());
    }

    /** Registers {@code socket} on {@code loop}; the channel owns the socket from now on. */
    public static NetlinkChannel register(NetlinkSocket socket, IoEventLoop loop) {
        NetlinkChannel channel = new NetlinkChannel(socket, loop);
        try {
            IoRegistration registration = loop.register(channel.new Handle()).sync().getNow();
            loop.submit(() -> {
                channel.registration = registration;
                registration.submit(EpollIoOps.EPOLLIN);
            }).sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.close();
            throw new IllegalStateException("interrupted while registering a netlink socket", e);
        }
        return channel;
    }

    public int portId() {
        return socket.portId();
    }

    /**
     * Sends one request message (its sequence number and port id are filled in here) and
     * completes with every reply message up to the end of the answer: {@code NLMSG_DONE} for a
     * dump, the {@code NLMSG_ERROR} acknowledgement otherwise. A negative error fails the future.
     * The returned messages are copies, independent of any Netty buffer.
     */
    public CompletableFuture<List<byte[]>> request(ByteBuf message) {
        CompletableFuture<List<byte[]>> answer = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                int sequence = nextSequence++;
                HostOrder.setInt(message, message.readerIndex() + 8, sequence);
                HostOrder.setInt(message, message.readerIndex() + 12, socket.portId());
                pending.put(sequence, new PendingRequest(answer));
                write(message);
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            } finally {
                message.release();
            }
        });
        return answer;
    }

    /** Convenience for callers outside the loop: waits for {@link #request}. */
    public List<byte[]> call(ByteBuf message) {
        try {
            return request(message).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the kernel", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public ByteBufAllocator allocator() {
        return ByteBufAllocator.DEFAULT;
    }

    private void write(ByteBuf message) throws IOException {
        ByteBuf direct = message.isDirect() ? message : Unpooled.directBuffer().writeBytes(message);
        try {
            ByteBuffer nio = direct.nioBuffer();
            int written = fd.write(nio, nio.position(), nio.limit());
            if (written != nio.remaining()) {
                throw new IOException("netlink write sent " + written + " of " + nio.remaining() + " bytes");
            }
        } finally {
            if (direct != message) {
                direct.release();
            }
        }
    }

    private void readAll() {
        while (true) {
            int length;
            try {
                ByteBuffer nio = receiveBuffer.nioBuffer(0, DATAGRAM_BUFFER);
                length = fd.read(nio, 0, DATAGRAM_BUFFER);
            } catch (IOException e) {
                // ENOBUFS: the kernel dropped messages; every waiting request may have lost its answer.
                failAll(new UncheckedIOException("netlink receive failed: " + e.getMessage(), e));
                return;
            }
            if (length <= 0) {
                return;
            }
            dispatch(receiveBuffer.setIndex(0, length));
        }
    }

    /** Splits one datagram into its messages and gives each to the request it answers. */
    private void dispatch(ByteBuf datagram) {
        int offset = 0;
        while (datagram.writerIndex() - offset >= NlMsgHeader.SIZE) {
            NlMsgHeader header = NlMsgHeader.peek(datagram, offset);
            if (header.length() < NlMsgHeader.SIZE || header.length() > datagram.writerIndex() - offset) {
                failAll(new IllegalStateException("malformed netlink datagram: message length " + header.length()));
                return;
            }
            PendingRequest request = pending.get(header.sequence());
            if (request != null && header.portId() == socket.portId()) {
                byte[] copy = new byte[header.length()];
                datagram.getBytes(offset, copy);
                if (request.accept(header, copy)) {
                    pending.remove(header.sequence());
                }
            }
            offset += NlMsgHeader.align(header.length());
        }
    }

    private void failAll(RuntimeException cause) {
        pending.values().forEach(request -> request.fail(cause));
        pending.clear();
    }

    @Override
    public void close() {
        loop.submit(() -> {
            failAll(new IllegalStateException("netlink channel closed"));
            if (registration != null) {
                registration.cancel();
            }
        }).syncUninterruptibly();
        closeSocket();
    }

    private void closeSocket() {
        if (receiveBuffer.refCnt() > 0) {
            receiveBuffer.release();
        }
        socket.close();
    }

    /** The epoll side: Netty calls {@link #handle} on the loop thread when the socket is readable. */
    private final class Handle implements EpollIoHandle {
        @Override
        public FileDescriptor fd() {
            return fd;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            EpollIoOps ops = ((EpollIoEvent) event).ops();
            if (ops.contains(EpollIoOps.EPOLLIN) || ops.contains(EpollIoOps.EPOLLERR)) {
                readAll();
            }
        }

        @Override
        public void close() {
            // The event loop is shutting down with the socket still registered.
            failAll(new IllegalStateException("netlink event loop shut down"));
        }
    }

    /** The replies collected so far for one request. */
    private static final class PendingRequest {
        private final CompletableFuture<List<byte[]>> answer;
        private final List<byte[]> replies = new ArrayList<>();

        PendingRequest(CompletableFuture<List<byte[]>> answer) {
            this.answer = answer;
        }

        /** Returns true when this message ends the answer. */
        boolean accept(NlMsgHeader header, byte[] message) {
            switch (header.type()) {
                case NlMsgHeader.NLMSG_DONE -> {
                    answer.complete(List.copyOf(replies));
                    return true;
                }
                case NlMsgHeader.NLMSG_ERROR -> {
                    int error = HostOrder.getInt(Unpooled.wrappedBuffer(message), NlMsgHeader.SIZE);
                    if (error == 0) {
                        answer.complete(List.copyOf(replies));
                    } else {
                        answer.completeExceptionally(new KernelException(-error));
                    }
                    return true;
                }
                default -> {
                    // Dumps end with NLMSG_DONE, every other request with its ACK (NLMSG_ERROR).
                    replies.add(message);
                    return false;
                }
            }
        }

        void fail(RuntimeException cause) {
            answer.completeExceptionally(cause);
        }
    }
}
