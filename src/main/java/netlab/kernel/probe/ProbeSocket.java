package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;
import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.util.function.BiConsumer;
import netlab.sys.IcmpSocket;
import netlab.sys.SyscallException;

/**
 * The raw ICMP socket of one (namespace, family) of a run, on the run's epoll loop: when it is
 * readable, reads every waiting message (so a burst of thousands of replies costs one wake-up)
 * and hands each to the run, on the loop's thread.
 */
final class ProbeSocket implements EpollIoHandle {
    private final IcmpSocket socket;
    private final long namespaceInode;
    private final FileDescriptor fd;
    private final ByteBuf buffer;
    private BiConsumer<ProbeSocket, Arrival> arrivals;
    private IoRegistration registration;

    /** {@code buffer} (direct) is the loop's, shared by every socket: all read on the loop's one thread. */
    ProbeSocket(IcmpSocket socket, long namespaceInode, ByteBuf buffer) {
        this.socket = socket;
        this.namespaceInode = namespaceInode;
        this.fd = new FileDescriptor(socket.fd());
        this.buffer = buffer;
    }

    IcmpSocket socket() {
        return socket;
    }

    long namespaceInode() {
        return namespaceInode;
    }

    /** On the loop: from now on, what the socket reads goes to {@code arrivals}. */
    void registered(IoRegistration registration, BiConsumer<ProbeSocket, Arrival> arrivals) {
        this.registration = registration;
        this.arrivals = arrivals;
        registration.submit(EpollIoOps.EPOLLIN);
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
        while (registration != null) {
            IcmpSocket.Datagram datagram;
            try {
                datagram = socket.receive(buffer.internalNioBuffer(0, buffer.capacity()));
            } catch (SyscallException e) {
                // A pending socket error (EPOLLERR) is consumed by the read; level-triggered
                // epoll calls again for what is still queued, so this cannot spin.
                return;
            }
            if (datagram == null) {
                return; // EAGAIN: drained
            }
            Arrival arrival = Arrival.of(datagram, buffer, socket.ipv6());
            if (arrival != null) {
                arrivals.accept(this, arrival);
            }
        }
    }

    /** Stops watching the socket; on the loop's thread. The run closes the socket afterwards. */
    void deregister() {
        if (registration != null) {
            registration.cancel();
            registration = null;
        }
    }

    @Override
    public void close() {
        // The run closes the socket itself, after the loop lets go of it.
    }
}
