package netlab.executor.held;

import java.util.concurrent.atomic.AtomicBoolean;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM while this netlab makes a held lab, runs netlab inside it and cleans up
 * after: noted instead of ending the JVM (which would leave a holder nobody takes down), and
 * passed on to the inner netlab while it runs (a Ctrl-C reaches it from the terminal anyway; a
 * signal sent to this process alone would not). Closing puts the JVM's own handling back.
 */
final class Interrupts implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final AtomicBoolean requested = new AtomicBoolean();
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];
    /** The inner netlab while it runs (this JVM's child: its pid is not reused before it is waited for). */
    private volatile Process inner;

    Interrupts() {
        for (int i = 0; i < SIGNALS.length; i++) {
            Signal signal = new Signal(SIGNALS[i]);
            previous[i] = Signal.handle(signal, caught -> {
                requested.set(true);
                pass(caught.getNumber());
            });
        }
    }

    boolean requested() {
        return requested.get();
    }

    void running(Process process) {
        inner = process;
        if (requested()) {
            pass(Syscall.SIGTERM);
        }
    }

    private void pass(int signal) {
        Process process = inner;
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            int pidfd = Syscall.pidfdOpen(process.pid());
            try {
                Syscall.pidfdSendSignal(pidfd, signal);
            } finally {
                Syscall.closeQuietly(pidfd);
            }
        } catch (SyscallException e) {
            // It has just ended.
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < SIGNALS.length; i++) {
            Signal.handle(new Signal(SIGNALS[i]), previous[i]);
        }
    }
}
