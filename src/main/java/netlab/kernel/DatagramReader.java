package netlab.kernel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The epoll side of a netlink channel: when Netty reports the socket readable, reads every
 * waiting datagram into one reused buffer and hands each to the channel, on the loop's thread.
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
    private final ByteBuf buffer = Unpooled.directBuffer(DATAGRAM_BUFFER, DATAGRAM_BUFFER);

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
        while (buffer.refCnt() > 0) {
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

    void release() {
        if (buffer.refCnt() > 0) {
            buffer.release();
        }
    }
}
