package netlab.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Typed wrappers over {@link Libc}: each makes one call, and turns a {@code -1} result into a
 * {@link SyscallException} carrying the errno captured right after that call.
 */
final class Syscall {
    private Syscall() {}

    static int socket(int domain, int type, int protocol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            return check("socket", (int) Libc.SOCKET.invokeExact(state, domain, type, protocol), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void bind(int fd, MemorySegment address) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            check("bind", (int) Libc.BIND.invokeExact(state, fd, address, (int) address.byteSize()), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void getsockname(int fd, MemorySegment address) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) address.byteSize());
            check("getsockname", (int) Libc.GETSOCKNAME.invokeExact(state, fd, address, length), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void setsockoptInt(int fd, int level, int option, int value, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            MemorySegment boxed = arena.allocateFrom(JAVA_INT, value);
            check(what, (int) Libc.SETSOCKOPT.invokeExact(state, fd, level, option, boxed, 4), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            check("close", (int) Libc.CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** For clean-up paths where a first error is already being reported. */
    static void closeQuietly(int fd) {
        try {
            close(fd);
        } catch (SyscallException ignored) {
            // The original failure matters more than a failed close.
        }
    }

    private static int check(String call, int result, MemorySegment state) {
        if (result == -1) {
            throw new SyscallException(call, Libc.errno(state));
        }
        return result;
    }

    /** invokeExact declares Throwable; only our own exception and errors can really come out. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("unexpected checked exception from a downcall", t);
    }
}
