package netlab.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * A raw ICMP (or ICMPv6) socket of the calling thread's network namespace, opened non-blocking
 * and close-on-exec: what {@code ping} would use without {@code net.ipv4.ping_group_range}, which
 * is "1 0" (datagram ICMP sockets forbidden, even to root) in every new namespace. Raw sockets
 * need CAP_NET_RAW, which root has (and a user namespace's mapped root in its own namespaces).
 *
 * <p>A filter keeps only echo requests, echo replies and error messages. An IPv4 read starts
 * with the IP header (TTL and source are there); an IPv6 read starts with the ICMPv6 header, the
 * hop limit comes in a control message and the source in the message's name. The kernel fills
 * the ICMPv6 checksum (RFC 3542 3.1); the ICMPv4 one is the sender's.
 *
 * <p>Like a netlink socket, it stays in the namespace it was created in. After {@link #open}
 * one thread at a time may use it (netlab's event loop): its scratch memory is shared by calls.
 */
public final class IcmpSocket implements AutoCloseable {
    // <bits/socket.h>, <netinet/in.h>, <linux/icmp.h>, <linux/icmpv6.h>, <linux/in6.h>
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int SOL_RAW = 255;
    private static final int ICMP_FILTER = 1;
    private static final int ICMP6_FILTER = 1;
    private static final int IPV6_RECVHOPLIMIT = 51;
    private static final int IPV6_HOPLIMIT = 52;
    private static final int MSG_DONTWAIT = 0x40;
    /** ICMPv4 types let through: echo reply, destination unreachable, echo request, time exceeded, parameter problem. */
    private static final int[] ICMP_KEPT = {0, 3, 8, 11, 12};
    /** ICMPv6 types let through: the four errors, echo request and echo reply (not neighbour discovery). */
    private static final int[] ICMP6_KEPT = {1, 2, 3, 4, 128, 129};
    private static final int SOCKADDR_IN_SIZE = 16;
    private static final int SOCKADDR_IN6_SIZE = 28;
    /** struct msghdr on x86_64: name, namelen (+pad), iov, iovlen, control, controllen, flags (+pad). */
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;
    /** Room for one cmsghdr (16 bytes) carrying an int, aligned: CMSG_SPACE(4) is 24. */
    private static final int CONTROL_SIZE = 64;

    /**
     * 1 MiB, as netlink sockets ask for (the kernel doubles it): a sender of a hundred probes
     * gets their hundred replies and the requests of a hundred other senders at once.
     */
    public static final int RECEIVE_BUFFER = 1 << 20;

    /** One datagram read: its length in the buffer, who sent it, and its hop limit (IPv6; -1 for IPv4). */
    public record Datagram(int length, InetAddress source, int hopLimit) {}

    private final int fd;
    private final boolean ipv6;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment address;
    private final MemorySegment message;
    private final MemorySegment iovec;
    private final MemorySegment control;
    private boolean closed;

    private IcmpSocket(int fd, boolean ipv6) {
        this.fd = fd;
        this.ipv6 = ipv6;
        this.address = arena.allocate(SOCKADDR_IN6_SIZE, 8);
        this.message = arena.allocate(MSGHDR_SIZE, 8);
        this.iovec = arena.allocate(IOVEC_SIZE, 8);
        this.control = arena.allocate(CONTROL_SIZE, 8);
    }

    /** Opens an ICMPv4 ({@code ipv6} false) or ICMPv6 raw socket in the calling thread's namespace. */
    public static IcmpSocket open(boolean ipv6) {
        int fd = Syscall.socket(ipv6 ? AF_INET6 : AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
                ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
        try (Arena setup = Arena.ofConfined()) {
            if (ipv6) {
                // struct icmp6_filter: 256 bits, a set bit blocks that type (ICMP6_FILTER_SETBLOCK).
                MemorySegment filter = setup.allocate(32);
                filter.fill((byte) 0xff);
                for (int type : ICMP6_KEPT) {
                    int word = filter.getAtIndex(JAVA_INT, type >> 5);
                    filter.setAtIndex(JAVA_INT, type >> 5, word & ~(1 << (type & 31)));
                }
                Syscall.setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, filter, "setsockopt(ICMP6_FILTER)");
                Syscall.setsockoptInt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "setsockopt(IPV6_RECVHOPLIMIT)");
            } else {
                // struct icmp_filter: a 32-bit mask, a set bit blocks that type.
                int blocked = ~0;
                for (int type : ICMP_KEPT) {
                    blocked &= ~(1 << type);
                }
                Syscall.setsockoptInt(fd, SOL_RAW, ICMP_FILTER, blocked, "setsockopt(ICMP_FILTER)");
            }
            Syscall.setReceiveBuffer(fd, RECEIVE_BUFFER);
            return new IcmpSocket(fd, ipv6);
        } catch (RuntimeException e) {
            Syscall.closeQuietly(fd);
            throw e;
        }
    }

    public int fd() {
        return fd;
    }

    public boolean ipv6() {
        return ipv6;
    }

    /**
     * Sends the bytes of {@code packet} (a direct buffer, from its position to its limit: an ICMP
     * message, no IP header) to {@code to}, which must be of this socket's family.
     *
     * @throws SyscallException when the kernel refuses the send (ENETUNREACH: no route, ...)
     */
    public void send(ByteBuffer packet, InetAddress to) {
        MemorySegment bytes = MemorySegment.ofBuffer(packet);
        Syscall.sendto(fd, bytes, bytes.byteSize(), socketAddress(to));
    }

    private MemorySegment socketAddress(InetAddress to) {
        byte[] raw = to.getAddress();
        if ((raw.length == 16) != ipv6) {
            throw new IllegalArgumentException(to + " is not of this socket's family");
        }
        address.fill((byte) 0);
        address.set(JAVA_SHORT, 0, (short) (ipv6 ? AF_INET6 : AF_INET));
        if (ipv6) {
            MemorySegment.copy(raw, 0, address, JAVA_BYTE, 8, 16);
            address.set(JAVA_INT, 24, to instanceof Inet6Address v6 ? v6.getScopeId() : 0);
            return address.asSlice(0, SOCKADDR_IN6_SIZE);
        }
        MemorySegment.copy(raw, 0, address, JAVA_BYTE, 4, 4);
        return address.asSlice(0, SOCKADDR_IN_SIZE);
    }

    /**
     * Reads one waiting datagram into {@code buffer} (direct, from position 0 up to its capacity;
     * a longer datagram is cut), or returns null when none is waiting.
     */
    public Datagram receive(ByteBuffer buffer) {
        MemorySegment into = MemorySegment.ofBuffer(buffer.clear());
        iovec.set(ADDRESS, 0, into);
        iovec.set(JAVA_LONG, 8, into.byteSize());
        message.fill((byte) 0);
        message.set(ADDRESS, 0, address);
        message.set(JAVA_INT, 8, SOCKADDR_IN6_SIZE);
        message.set(ADDRESS, 16, iovec);
        message.set(JAVA_LONG, 24, 1);
        message.set(ADDRESS, 32, control);
        message.set(JAVA_LONG, 40, CONTROL_SIZE);
        long length;
        try {
            length = Syscall.recvmsg(fd, message, MSG_DONTWAIT);
        } catch (SyscallException e) {
            if (e.errno() == Errno.EAGAIN) {
                return null;
            }
            throw e;
        }
        return new Datagram((int) Math.min(length, into.byteSize()), source(), ipv6 ? hopLimit() : -1);
    }

    private InetAddress source() {
        byte[] raw = ipv6 ? address.asSlice(8, 16).toArray(JAVA_BYTE) : address.asSlice(4, 4).toArray(JAVA_BYTE);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are an address", e);
        }
    }

    /** The IPV6_HOPLIMIT control message's value, or -1 if the kernel sent none. */
    private int hopLimit() {
        long controlLength = message.get(JAVA_LONG, 40);
        long offset = 0;
        while (offset + 16 <= controlLength) { // struct cmsghdr: size_t len, int level, int type, data
            long length = control.get(JAVA_LONG, offset);
            if (length < 16) {
                return -1;
            }
            if (control.get(JAVA_INT, offset + 8) == IPPROTO_IPV6 && control.get(JAVA_INT, offset + 12) == IPV6_HOPLIMIT) {
                return control.get(JAVA_INT, offset + 16);
            }
            offset += (length + 7) & ~7L; // CMSG_ALIGN
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Syscall.close(fd);
            arena.close();
        }
    }
}
