package netlab.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static netlab.sys.SyscallNumbers.__NR_bind;
import static netlab.sys.SyscallNumbers.__NR_close;
import static netlab.sys.SyscallNumbers.__NR_close_range;
import static netlab.sys.SyscallNumbers.__NR_execve;
import static netlab.sys.SyscallNumbers.__NR_getrlimit;
import static netlab.sys.SyscallNumbers.__NR_getsockname;
import static netlab.sys.SyscallNumbers.__NR_getsockopt;
import static netlab.sys.SyscallNumbers.__NR_mkdirat;
import static netlab.sys.SyscallNumbers.__NR_mknodat;
import static netlab.sys.SyscallNumbers.__NR_mount;
import static netlab.sys.SyscallNumbers.__NR_openat;
import static netlab.sys.SyscallNumbers.__NR_pidfd_open;
import static netlab.sys.SyscallNumbers.__NR_pidfd_send_signal;
import static netlab.sys.SyscallNumbers.__NR_recvmsg;
import static netlab.sys.SyscallNumbers.__NR_rt_sigprocmask;
import static netlab.sys.SyscallNumbers.__NR_sendto;
import static netlab.sys.SyscallNumbers.__NR_sethostname;
import static netlab.sys.SyscallNumbers.__NR_setns;
import static netlab.sys.SyscallNumbers.__NR_setsockopt;
import static netlab.sys.SyscallNumbers.__NR_socket;
import static netlab.sys.SyscallNumbers.__NR_socketpair;
import static netlab.sys.SyscallNumbers.__NR_umount2;
import static netlab.sys.SyscallNumbers.__NR_unlinkat;
import static netlab.sys.SyscallNumbers.__NR_unshare;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The system calls netlab makes, typed for Java callers: each makes one call through
 * {@link Libc#syscall} and turns a {@code -1} result into a {@link SyscallException} carrying the
 * errno captured right after it. Callers outside this package never see {@code java.lang.foreign}.
 */
public final class Syscall {
    // <fcntl.h>, <sched.h>, <sys/mount.h>, <linux/close_range.h>, <signal.h>
    public static final int O_RDONLY = 0;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_CLOEXEC = 02000000;
    public static final int CLONE_NEWNS = 0x00020000;
    public static final int CLONE_NEWUTS = 0x04000000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_BIND = 4096;
    public static final long MS_MOVE = 8192;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1 << 18;
    public static final long MS_SLAVE = 1 << 19;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;
    public static final int UMOUNT_NOFOLLOW = 8;
    public static final int CLOSE_RANGE_CLOEXEC = 1 << 2;
    private static final int AT_FDCWD = -100;
    private static final int RLIMIT_NOFILE = 7; // <asm-generic/resource.h>
    // <sys/socket.h>, <asm-generic/socket.h>
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SO_NETNS_COOKIE = 71;
    private static final int SIG_SETMASK = 2;
    /** The kernel's sigset_t: 64 signals (glibc's is 128 bytes, the kernel takes 8). */
    private static final int KERNEL_SIGSET_BYTES = 8;

    private Syscall() {}

    /**
     * Makes system call {@code number}; -1 becomes a SyscallException named {@code name}. Memory
     * the arguments point to comes from {@code arena}, which the caller keeps open past the call.
     */
    private static long call(Arena arena, String name, long number, long... arguments) {
        MemorySegment state = Libc.callState(arena);
        long result = Libc.syscall(state, number, Arrays.copyOf(arguments, Libc.SYSCALL_ARGUMENTS));
        if (result == -1) {
            throw new SyscallException(name, Libc.errno(state));
        }
        return result;
    }

    /** For calls that pass no memory. */
    private static long call(String name, long number, long... arguments) {
        try (Arena arena = Arena.ofConfined()) {
            return call(arena, name, number, arguments);
        }
    }

    static int socket(int domain, int type, int protocol) {
        return (int) call("socket", __NR_socket, domain, type, protocol);
    }

    /** Two connected sockets; [0] and [1] are their descriptors. */
    public static int[] socketpair(int domain, int type, int protocol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            call(arena, "socketpair", __NR_socketpair, domain, type, protocol, pair.address());
            return new int[] {pair.getAtIndex(JAVA_INT, 0), pair.getAtIndex(JAVA_INT, 1)};
        }
    }

    /** sendto(2) of {@code length} bytes at {@code buffer} to the socket address {@code to}. */
    static long sendto(int fd, MemorySegment buffer, long length, MemorySegment to) {
        return call("sendto", __NR_sendto, fd, buffer.address(), length, 0, to.address(), to.byteSize());
    }

    /** recvmsg(2) into the buffers a {@code struct msghdr} names; the length received. */
    static long recvmsg(int fd, MemorySegment message, int flags) {
        return call("recvmsg", __NR_recvmsg, fd, message.address(), flags);
    }

    static void setsockopt(int fd, int level, int option, MemorySegment value, String what) {
        call(what, __NR_setsockopt, fd, level, option, value.address(), value.byteSize());
    }

    static void bind(int fd, MemorySegment address) {
        call("bind", __NR_bind, fd, address.address(), address.byteSize());
    }

    static void getsockname(int fd, MemorySegment address) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) address.byteSize());
            call(arena, "getsockname", __NR_getsockname, fd, address.address(), length.address());
        }
    }

    static void setsockoptInt(int fd, int level, int option, int value, String what) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, what, __NR_setsockopt, fd, level, option, arena.allocateFrom(JAVA_INT, value).address(), 4);
        }
    }

    /**
     * Asks for a receive buffer of {@code bytes} (the kernel doubles it for its bookkeeping):
     * SO_RCVBUFFORCE goes past net.core.rmem_max but needs CAP_NET_ADMIN; without it, SO_RCVBUF.
     */
    static void setReceiveBuffer(int fd, int bytes) {
        try {
            setsockoptInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, bytes, "setsockopt(SO_RCVBUFFORCE)");
        } catch (SyscallException e) {
            setsockoptInt(fd, SOL_SOCKET, SO_RCVBUF, bytes, "setsockopt(SO_RCVBUF)");
        }
    }

    /**
     * The cookie of the calling thread's network namespace (SO_NETNS_COOKIE, Linux 5.14): a
     * 64-bit number the kernel gives each namespace once and never again while it runs, unlike
     * an nsfs inode number, which a later namespace may get again. 0 when the kernel has no such
     * option (ENOPROTOOPT). Read from a throwaway socket, which belongs to the thread's namespace.
     */
    public static long netnsCookie() {
        int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cookie = arena.allocate(JAVA_LONG);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) JAVA_LONG.byteSize());
            call(arena, "getsockopt SO_NETNS_COOKIE", __NR_getsockopt, fd, SOL_SOCKET, SO_NETNS_COOKIE, cookie.address(),
                    length.address());
            return cookie.get(JAVA_LONG, 0);
        } catch (SyscallException e) {
            if (e.errno() == Errno.ENOPROTOOPT) {
                return 0;
            }
            throw e;
        } finally {
            closeQuietly(fd);
        }
    }

    /** As the C library's open(3): openat(2) relative to the working directory. */
    public static int open(String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) call(arena, "open " + path, __NR_openat, AT_FDCWD, address(arena, path), flags, mode);
        }
    }

    /**
     * How many descriptors this process may have open (RLIMIT_NOFILE's soft limit; the JVM raises
     * it to the hard one as it starts), or {@link Long#MAX_VALUE} for no limit. Equivalent to:
     * {@code ulimit -n}.
     */
    public static long openFileLimit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limits = arena.allocate(JAVA_LONG, 2); // struct rlimit { rlim_cur; rlim_max; }
            call(arena, "getrlimit", __NR_getrlimit, RLIMIT_NOFILE, limits.address());
            long current = limits.getAtIndex(JAVA_LONG, 0);
            return current < 0 ? Long.MAX_VALUE : current; // RLIM_INFINITY is all ones
        }
    }

    public static void close(int fd) {
        call("close", __NR_close, fd);
    }

    /** For clean-up paths where a first error is already being reported. */
    public static void closeQuietly(int fd) {
        try {
            close(fd);
        } catch (SyscallException ignored) {
            // The original failure matters more than a failed close.
        }
    }

    public static void unlink(String path) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "unlink " + path, __NR_unlinkat, AT_FDCWD, address(arena, path), 0);
        }
    }

    public static void mkdir(String path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "mkdir " + path, __NR_mkdirat, AT_FDCWD, address(arena, path), mode);
        }
    }

    /** Equivalent to: {@code mkfifo -m MODE PATH} (mknodat(2) with S_IFIFO). */
    public static void mkfifo(String path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "mkfifo " + path, __NR_mknodat, AT_FDCWD, address(arena, path), 0010000 | mode, 0);
        }
    }

    /** Moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) {
        call("setns", __NR_setns, fd, nstype);
    }

    /** Sets the host name of the calling thread's UTS namespace (its bytes, as they are). */
    public static void sethostname(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "sethostname " + name, __NR_sethostname, arena.allocateFrom(JAVA_BYTE, bytes).address(), bytes.length);
        }
    }

    /** Gives the calling thread new namespaces of the {@code flags} kinds. */
    public static void unshare(int flags) {
        call("unshare", __NR_unshare, flags);
    }

    /** mount(2); null strings are passed as NULL. */
    public static void mount(String source, String target, String fstype, long flags, String data) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "mount " + target, __NR_mount, address(arena, source), address(arena, target),
                    address(arena, fstype), flags, address(arena, data));
        }
    }

    public static void umount2(String target, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "umount " + target, __NR_umount2, address(arena, target), flags);
        }
    }

    /**
     * A descriptor that refers to the process {@code pid} from now on, even after it exits and
     * its pid is reused (pidfd_open(2), Linux 5.3): check what it is, then signal it, race-free.
     */
    public static int pidfdOpen(long pid) {
        return (int) call("pidfd_open " + pid, __NR_pidfd_open, pid, 0);
    }

    /** Sends {@code signal} to the process a pidfd refers to; ESRCH once it has exited. */
    public static void pidfdSendSignal(int pidfd, int signal) {
        call("pidfd_send_signal", __NR_pidfd_send_signal, pidfd, signal, 0, 0);
    }

    /** Marks (CLOSE_RANGE_CLOEXEC) or closes every descriptor from {@code first} to {@code last}. */
    public static void closeRange(int first, int last, int flags) {
        call("close_range", __NR_close_range, first, last, flags);
    }

    /**
     * Unblocks every signal for the calling thread, so a program exec'd from it starts clean: what
     * pthread_sigmask(SIG_SETMASK, empty set) does, as the kernel's rt_sigprocmask.
     */
    public static void unblockAllSignals() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment empty = arena.allocate(KERNEL_SIGSET_BYTES);
            call(arena, "pthread_sigmask", __NR_rt_sigprocmask, SIG_SETMASK, empty.address(), 0, KERNEL_SIGSET_BYTES);
        }
    }

    /**
     * Replaces the whole process (the JVM) with {@code path}; returns only by throwing. The new
     * program inherits the calling thread's namespaces and signal mask.
     */
    public static void execve(String path, List<String> argv, List<String> environment) {
        try (Arena arena = Arena.ofConfined()) {
            call(arena, "execve " + path, __NR_execve, address(arena, path), stringArray(arena, argv).address(),
                    stringArray(arena, environment).address());
        }
        throw new IllegalStateException("execve returned without an error");
    }

    /** A C string's address, or 0 (NULL) for null. */
    private static long address(Arena arena, String value) {
        return value == null ? 0 : arena.allocateFrom(value).address();
    }

    /** A NULL-terminated char* array, as execve wants. */
    private static MemorySegment stringArray(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }
}
