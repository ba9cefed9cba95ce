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
 * The two C library functions netlab calls: {@code syscall(2)}, through which every system call
 * goes, and {@code strerror} for messages. One function for every call because the JDK makes a
 * downcall handle per C signature, and each takes milliseconds to make: a dozen signatures cost
 * more than all the rest of {@code netlab exec} (see docs/startup.md).
 *
 * <p>{@code syscall} captures {@code errno} right after the call (the JVM may run code between two
 * Java statements that overwrites it); {@link Syscall} turns {@code -1} into a
 * {@link SyscallException}. Only this package touches {@code java.lang.foreign}.
 */
final class Libc {
    /** {@code syscall(2)} reads this many arguments after the number, whatever the call needs. */
    static final int SYSCALL_ARGUMENTS = 6;
    private static final boolean X86_64 = "amd64".equals(System.getProperty("os.arch"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** {@code long syscall(long number, ...)}, given six longs (pointers as their addresses). */
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(symbol("syscall"), FunctionDescriptor.of(
                    JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));

    /** Linked on first use, which is on an error path only. */
    private static final class Strerror {
        static final MethodHandle HANDLE =
                LINKER.downcallHandle(symbol("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    private Libc() {}

    /** Memory for the captured call state; allocate one per call from the caller's arena. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /**
     * The raw result of system call {@code number} given {@link #SYSCALL_ARGUMENTS} arguments
     * {@code a}: -1 with the errno in {@code callState} on failure.
     */
    static long syscall(MemorySegment callState, long number, long[] a) {
        if (!X86_64) {
            requireKnownArchitecture(System.getProperty("os.arch"));
        }
        try {
            return (long) SYSCALL.invokeExact(callState, number, a[0], a[1], a[2], a[3], a[4], a[5]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("a downcall threw a checked exception", t);
        }
    }

    /** Refuses, in one line, an architecture whose system call numbers netlab does not know. */
    static void requireKnownArchitecture(String architecture) {
        if (!"amd64".equals(architecture)) {
            throw new UnsupportedMachineException(architecture);
        }
    }

    /** The C library's text for an errno value, e.g. "File exists" for EEXIST. */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Strerror.HANDLE.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new AssertionError("strerror cannot fail", t);
        }
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }
}
