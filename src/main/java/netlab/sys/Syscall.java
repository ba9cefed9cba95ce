package netlab.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The system calls netlab makes, typed for Java callers: each makes one call and turns a
 * {@code -1} result into a {@link SyscallException} carrying the errno captured right after it.
 * Callers outside this package never see {@code java.lang.foreign}.
 */
public final class Syscall {
    // <fcntl.h>, <sched.h>, <sys/mount.h>, <linux/close_range.h>
    public static final int O_RDONLY = 0;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_CLOEXEC = 02000000;
    public static final int CLONE_NEWNS = 0x00020000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1 << 18;
    public static final long MS_SLAVE = 1 << 19;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;
    public static final int CLOSE_RANGE_CLOEXEC = 1 << 2;
    private static final int SIG_SETMASK = 2;
    private static final int SIGSET_BYTES = 128;

    private Syscall() {}

    /** One downcall given the errno capture segment and an arena for its arguments. */
    @FunctionalInterface
    private interface Downcall {
        int invoke(MemorySegment callState, Arena arena) throws Throwable;
    }

    private static int call(String name, Downcall downcall) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            int result = downcall.invoke(state, arena);
            if (result == -1) {
                throw new SyscallException(name, Libc.errno(state));
            }
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("unexpected checked exception from " + name, t);
        }
    }

    static int socket(int domain, int type, int protocol) {
        return call("socket", (state, arena) -> (int) Libc.SOCKET.handle().invokeExact(state, domain, type, protocol));
    }

    /** Two connected sockets; [0] and [1] are their descriptors. */
    public static int[] socketpair(int domain, int type, int protocol) {
        int[] fds = new int[2];
        call("socketpair", (state, arena) -> {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            int result = (int) Libc.SOCKETPAIR.handle().invokeExact(state, domain, type, protocol, pair);
            fds[0] = pair.getAtIndex(JAVA_INT, 0);
            fds[1] = pair.getAtIndex(JAVA_INT, 1);
            return result;
        });
        return fds;
    }

    static void bind(int fd, MemorySegment address) {
        call("bind", (state, arena) -> (int) Libc.BIND.handle().invokeExact(
                state, fd, address, (int) address.byteSize()));
    }

    static void getsockname(int fd, MemorySegment address) {
        call("getsockname", (state, arena) -> (int) Libc.GETSOCKNAME.handle().invokeExact(
                state, fd, address, arena.allocateFrom(JAVA_INT, (int) address.byteSize())));
    }

    static void setsockoptInt(int fd, int level, int option, int value, String what) {
        call(what, (state, arena) -> (int) Libc.SETSOCKOPT.handle().invokeExact(
                state, fd, level, option, arena.allocateFrom(JAVA_INT, value), 4));
    }

    public static int open(String path, int flags, int mode) {
        return call("open " + path, (state, arena) -> (int) Libc.OPEN.handle().invokeExact(
                state, arena.allocateFrom(path), flags, mode));
    }

    public static void close(int fd) {
        call("close", (state, arena) -> (int) Libc.CLOSE.handle().invokeExact(state, fd));
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
        call("unlink " + path, (state, arena) -> (int) Libc.UNLINK.handle().invokeExact(
                state, arena.allocateFrom(path)));
    }

    public static void mkdir(String path, int mode) {
        call("mkdir " + path, (state, arena) -> (int) Libc.MKDIR.handle().invokeExact(
                state, arena.allocateFrom(path), mode));
    }

    /** Moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) {
        call("setns", (state, arena) -> (int) Libc.SETNS.handle().invokeExact(state, fd, nstype));
    }

    /** Gives the calling thread new namespaces of the {@code flags} kinds. */
    public static void unshare(int flags) {
        call("unshare", (state, arena) -> (int) Libc.UNSHARE.handle().invokeExact(state, flags));
    }

    /** mount(2); null strings are passed as NULL. */
    public static void mount(String source, String target, String fstype, long flags, String data) {
        call("mount " + target, (state, arena) -> (int) Libc.MOUNT.handle().invokeExact(state,
                cString(arena, source), cString(arena, target), cString(arena, fstype), flags, cString(arena, data)));
    }

    public static void umount2(String target, int flags) {
        call("umount " + target, (state, arena) -> (int) Libc.UMOUNT2.handle().invokeExact(
                state, arena.allocateFrom(target), flags));
    }

    /** Marks (CLOSE_RANGE_CLOEXEC) or closes every descriptor from {@code first} to {@code last}. */
    public static void closeRange(int first, int last, int flags) {
        call("close_range", (state, arena) -> (int) Libc.CLOSE_RANGE.handle().invokeExact(state, first, last, flags));
    }

    /** Unblocks every signal for the calling thread, so a program exec'd from it starts clean. */
    public static void unblockAllSignals() {
        call("pthread_sigmask", (state, arena) -> {
            int error = (int) Libc.PTHREAD_SIGMASK.handle().invokeExact(
                    SIG_SETMASK, arena.allocate(SIGSET_BYTES), MemorySegment.NULL);
            if (error != 0) {
                throw new SyscallException("pthread_sigmask", error);
            }
            return 0;
        });
    }

    /**
     * Replaces the whole process (the JVM) with {@code path}; returns only by throwing. The new
     * program inherits the calling thread's namespaces and signal mask.
     */
    public static void execve(String path, List<String> argv, List<String> environment) {
        call("execve " + path, (state, arena) -> (int) Libc.EXECVE.handle().invokeExact(state,
                arena.allocateFrom(path), stringArray(arena, argv), stringArray(arena, environment)));
        throw new IllegalStateException("execve returned without an error");
    }

    private static MemorySegment cString(Arena arena, String value) {
        return value == null ? MemorySegment.NULL : arena.allocateFrom(value);
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
