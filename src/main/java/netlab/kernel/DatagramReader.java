package netlab.kernel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The epoll side of a netlink channel: when Netty reports the socket readable, reads every
 * waiting datagram into a reused buffer and hands each to the channel, on the loop's thread.
 *
 * <p>The buffer belongs to the loop's thread, not to the channel: every channel of a loop reads
 * on that thread, one datagram at a time, and the decoders copy what they keep. A lab of 1000
 * nodes has 1000 channels; a buffer each would be 64 MiB.
 */
final class DatagramReader implements EpollIoHandle {
    /**
     * One datagram never exceeds this: the kernel caps a dump's datagram at 32 KiB (netlink_dump
     * in net/netlink/af_netlink.c) and ACKs are capped (NETLINK_CAP_ACK).
     */
    private static final int DATAGRAM_BUFFER = 64 * 1024;

    private final FileDescriptor fd;
    private final Consumer<ByteBuf> datagrams;
    private final Consumer<IOException> failures;
    private static final FastThreadLocal<ByteBuf> BUFFER = new FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
            return Unpooled.directBuffer(DATAGRAM_BUFFER, DATAGRAM_BUFFER);
        }

        @Override
        protected void onRemoval(ByteBuf buffer) {
            buffer.release();
        }
    };
    private volatile boolean released;

    DatagramReader(FileDescriptor fd, Consumer<ByteBuf> datagrams, Consumer<IOException> failures) {
        this.fd = fd;
        this.datagrams = datagrams;
        this.failures = failures;
    }

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

    private void readAll() {
        ByteBuf buffer = BUFFER.get();
        while (!released) {
            int length;
            try {
                ByteBuffer nio = buffer.nioBuffer(0, DATAGRAM_BUFFER);
                length = fd.read(nio, 0, DATAGRAM_BUFFER);
            } catch (IOException e) {
                // Reading consumed the error (ENOBUFS); epoll is level-triggered and calls again
                // for whatever is still queued, so a lasting error cannot spin here.
                failures.accept(e);
                return;
            }
            if (length <= 0) {
                return; // EAGAIN: drained
            }
            datagrams.accept(buffer.setIndex(0, length));
        }
    }

    @Override
    public void close() {
        // The loop shuts down with the socket registered; the channel closes the socket itself.
    }

    /** Reads no more: the channel is closing. */
    void release() {
        released = true;
    }
}
