package netlab.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcall handles into the C library, each capturing {@code errno} right after the call (the
 * JVM may run code between two Java statements that overwrites it).
 *
 * <p>Every method returns the raw result and leaves the check to {@link Syscall}, which turns
 * {@code -1} into a {@link SyscallException}. Only this package touches {@code java.lang.foreign}.
 */
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static final MethodHandle SOCKET = withErrno("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle BIND = withErrno("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle GETSOCKNAME = withErrno("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle SETSOCKOPT =
            withErrno("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle CLOSE = withErrno("close", JAVA_INT, JAVA_INT);
    static final MethodHandle SOCKETPAIR = withErrno("socketpair", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    static final MethodHandle OPEN = withErrno("open", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final MethodHandle UNLINK = withErrno("unlink", JAVA_INT, ADDRESS);
    static final MethodHandle MKDIR = withErrno("mkdir", JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle SETNS = withErrno("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle UNSHARE = withErrno("unshare", JAVA_INT, JAVA_INT);
    static final MethodHandle MOUNT = withErrno("mount", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
    static final MethodHandle UMOUNT2 = withErrno("umount2", JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle EXECVE = withErrno("execve", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    static final MethodHandle CLOSE_RANGE = withErrno("close_range", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle PTHREAD_SIGMASK = plain("pthread_sigmask", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {}

    /** Memory for the captured call state; allocate one per call from the caller's arena. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** The C library's text for an errno value, e.g. "File exists" for EEXIST. */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new AssertionError("strerror cannot fail", t);
        }
    }

    /** For calls that return an error number instead of setting errno (pthread_*). */
    private static MethodHandle plain(String name, MemoryLayout result, MemoryLayout... arguments) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, FunctionDescriptor.of(result, arguments));
    }

    private static MethodHandle withErrno(String name, MemoryLayout result, MemoryLayout... arguments) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(
                symbol, FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }
}
