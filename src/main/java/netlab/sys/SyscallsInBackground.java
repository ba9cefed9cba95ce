package netlab.sys;

/**
 * Does the JDK's first-use work for system calls on a thread of its own, while the caller goes
 * on: linking {@code syscall(2)} (the JDK generates the downcall's classes) and the first native
 * memory access cost ~50 ms of CPU, about a quarter of a small command, and a command usually has
 * other work before its first call (reading a file, planning, starting Netty). Whoever needs
 * {@link Libc} first waits for the other: the JVM initialises a class once (docs/startup.md).
 */
public final class SyscallsInBackground {
    private SyscallsInBackground() {}

    /** Starts the work; never fails (a failure shows again at the caller's own first call). */
    public static void start() {
        Thread.ofPlatform().name("netlab-syscalls").daemon(true).start(SyscallsInBackground::prepare);
    }

    private static void prepare() {
        try {
            // Two harmless calls: one with a string argument, one with memory to read back.
            Syscall.closeQuietly(Syscall.open("/", Syscall.O_RDONLY | Syscall.O_CLOEXEC, 0));
            Syscall.openFileLimit();
        } catch (RuntimeException | LinkageError ignored) {
            // Not this thread's to report: an unsupported machine or a refused call fails the caller.
        }
    }
}
