package netlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import netlab.error.InterruptedWaitException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during a command that must clean up after itself ({@code test} takes the lab
 * it brought up down again): the signal is noted instead of ending the JVM, and the command
 * stops at its next safe point. Work already under way (an {@code up} half done) runs to its end,
 * so that its record is whole and the cleanup that follows removes everything. Closing puts the
 * JVM's own handling back.
 */
final class Interruptions implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final AtomicBoolean requested = new AtomicBoolean();
    /** The thread in {@link #whileWaiting}, woken by a signal; null outside it. */
    private Thread waiting;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private Interruptions() {}

    /** Catches SIGINT and SIGTERM until closed; {@code note} is said once, at the first. */
    static Interruptions catchFrom(PrintWriter err, String note) {
        Interruptions interruptions = new Interruptions();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            interruptions.previous.put(signal, Signal.handle(signal, caught -> {
                if (!interruptions.requested.getAndSet(true)) {
                    err.println("netlab: interrupted; " + note);
                    err.flush();
                }
                interruptions.wake();
            }));
        }
        return interruptions;
    }

    boolean requested() {
        return requested.get();
    }

    /**
     * Runs {@code work}, which only waits (probes that may take their whole time), so that a
     * signal ends it at once: the thread is interrupted, and the result is empty. Its interrupt
     * flag is clear again afterwards, so that the cleanup that follows can wait for the kernel.
     */
    <T> Optional<T> whileWaiting(Supplier<T> work) {
        synchronized (this) {
            if (requested()) {
                return Optional.empty();
            }
            waiting = Thread.currentThread();
        }
        try {
            return Optional.of(work.get());
        } catch (InterruptedWaitException e) {
            if (!requested()) {
                throw e;
            }
            return Optional.empty();
        } finally {
            synchronized (this) {
                waiting = null;
                Thread.interrupted();
            }
        }
    }

    private synchronized void wake() {
        if (waiting != null) {
            waiting.interrupt();
        }
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
