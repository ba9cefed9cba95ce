package netlab.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An {@code AF_NETLINK} socket of the calling thread's network namespace, opened non-blocking and
 * close-on-exec, bound to a kernel-assigned port id. Reads and writes go through the event loop
 * (see {@code netlab.kernel}); this class only creates, configures and closes the descriptor.
 *
 * <p>A netlink socket stays in the namespace it was created in, whatever thread uses it later.
 */
public final class NetlinkSocket implements AutoCloseable {
    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_NETFILTER = 12;

    // <bits/socket.h>, <linux/netlink.h>, <asm-generic/socket.h>
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int NETLINK_GET_STRICT_CHK = 12;
    /** struct sockaddr_nl: u16 family, u16 pad, u32 pid, u32 groups. */
    private static final int SOCKADDR_NL_SIZE = 12;

    /**
     * About 1 MiB: enough for the ACKs of a full pipelining window and for bursts of events.
     * The kernel doubles the value it is given for its own bookkeeping.
     */
    public static final int RECEIVE_BUFFER = 1 << 20;
    private static final int SEND_BUFFER = 1 << 20;

    private final int fd;
    private final int protocol;
    private final int portId;
    private boolean closed;

    private NetlinkSocket(int fd, int protocol, int portId) {
        this.fd = fd;
        this.protocol = protocol;
        this.portId = portId;
    }

    /**
     * Opens a socket for {@code protocol} ({@link #NETLINK_ROUTE} or {@link #NETLINK_NETFILTER})
     * with extended ACKs, capped ACKs (the kernel does not echo our request back in errors) and
     * strict dump checking, subscribed to the multicast {@code groups} bit mask (0 for none).
     */
    public static NetlinkSocket open(int protocol, int groups) {
        int fd = Syscall.socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
        try {
            Syscall.setsockoptInt(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, "setsockopt(NETLINK_EXT_ACK)");
            Syscall.setsockoptInt(fd, SOL_NETLINK, NETLINK_CAP_ACK, 1, "setsockopt(NETLINK_CAP_ACK)");
            if (protocol == NETLINK_ROUTE) {
                // Only rtnetlink knows strict checking; nfnetlink refuses the option.
                Syscall.setsockoptInt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1,
                        "setsockopt(NETLINK_GET_STRICT_CHK)");
            }
            Syscall.setsockoptInt(fd, SOL_SOCKET, SO_SNDBUF, SEND_BUFFER, "setsockopt(SO_SNDBUF)");
            Syscall.setReceiveBuffer(fd, RECEIVE_BUFFER);
            int portId = bind(fd, groups);
            return new NetlinkSocket(fd, protocol, portId);
        } catch (RuntimeException e) {
            Syscall.closeQuietly(fd);
            throw e;
        }
    }

    /**
     * Wraps a descriptor made elsewhere as if it were a netlink socket with {@code portId}: one
     * end of a socketpair on which a test plays the kernel, replying datagram for datagram.
     */
    public static NetlinkSocket adopt(int fd, int protocol, int portId) {
        return new NetlinkSocket(fd, protocol, portId);
    }

    /** Binds with port id 0 so that the kernel picks a unique one, and returns that port id. */
    private static int bind(int fd, int groups) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(SOCKADDR_NL_SIZE);
            address.set(JAVA_SHORT, 0, (short) AF_NETLINK);
            address.set(JAVA_INT, 8, groups);
            Syscall.bind(fd, address);
            MemorySegment bound = arena.allocate(SOCKADDR_NL_SIZE);
            Syscall.getsockname(fd, bound);
            return bound.get(JAVA_INT, 4);
        }
    }

    public int fd() {
        return fd;
    }

    public int protocol() {
        return protocol;
    }

    /** The port id the kernel assigned; replies to our requests carry it. */
    public int portId() {
        return portId;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Syscall.close(fd);
        }
    }
}
