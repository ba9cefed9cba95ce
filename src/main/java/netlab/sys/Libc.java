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
import java.lang.invoke.VarHandle;

/**
 * The C library functions netlab calls, each capturing {@code errno} right after the call (the
 * JVM may run code between two Java statements that overwrites it). Each is linked on first use
 * (see {@link LibcFunction}).
 *
 * <p>Every function returns the raw result and leaves the check to {@link Syscall}, which turns
 * {@code -1} into a {@link SyscallException}. Only this package touches {@code java.lang.foreign}.
 */
final class Libc {
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static final LibcFunction SOCKET = withErrno("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final LibcFunction BIND = withErrno("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final LibcFunction GETSOCKNAME = withErrno("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    static final LibcFunction SETSOCKOPT =
            withErrno("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final LibcFunction CLOSE = withErrno("close", JAVA_INT, JAVA_INT);
    static final LibcFunction SOCKETPAIR = withErrno("socketpair", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    static final LibcFunction OPEN = withErrno("open", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final LibcFunction UNLINK = withErrno("unlink", JAVA_INT, ADDRESS);
    static final LibcFunction MKDIR = withErrno("mkdir", JAVA_INT, ADDRESS, JAVA_INT);
    static final LibcFunction SETNS = withErrno("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    static final LibcFunction UNSHARE = withErrno("unshare", JAVA_INT, JAVA_INT);
    static final LibcFunction MOUNT = withErrno("mount", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
    static final LibcFunction UMOUNT2 = withErrno("umount2", JAVA_INT, ADDRESS, JAVA_INT);
    static final LibcFunction EXECVE = withErrno("execve", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    static final LibcFunction CLOSE_RANGE = withErrno("close_range", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    /** Returns an error number instead of setting errno, as pthread_* functions do. */
    static final LibcFunction PTHREAD_SIGMASK =
            new LibcFunction("pthread_sigmask", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final LibcFunction STRERROR = new LibcFunction("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

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
            MemorySegment text = (MemorySegment) STRERROR.handle().invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new AssertionError("strerror cannot fail", t);
        }
    }

    private static LibcFunction withErrno(String name, MemoryLayout result, MemoryLayout... arguments) {
        return new LibcFunction(
                name, FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }
}
