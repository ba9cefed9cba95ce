package netlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import netlab.executor.StepTimes;
import netlab.executor.TeardownProgress;

/**
 * The one line an {@code up} or {@code down} on a terminal shows once it has run for about half a
 * second: steps done of all and the group running now (up), things removed of all and the phase
 * running now (down). Each frame rewrites the line ({@code \r}, text, erase to the end);
 * {@link #close} erases it, so what follows starts on a clean line. A quick run, or one whose
 * standard error is not a terminal, shows nothing.
 */
final class Progress implements StepTimes, TeardownProgress, AutoCloseable {
    /** Quick ups stay silent; a test sets 0 (system property) to see every frame. */
    private static final long QUIET_MS = Long.getLong("netlab.progress.quietMs", 500);
    /** No terminal width without an ioctl: 79 columns never wrap on the usual 80, and \r erases one row only. */
    private static final int WIDTH = 79;
    private static final String ERASE = "\033[K";

    private final String verb;
    private final String lab;
    private final String unit;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    /** A down's count is redrawn at most this often. */
    private static final long REDRAW_MS = 50;
    private long lastDrawn;
    private int total;
    private int done;
    private String current = "";
    private String shown = "";
    private boolean closed;

    private Progress(String verb, String lab, String unit, PrintWriter err, boolean terminal) {
        this.verb = verb;
        this.lab = lab;
        this.unit = unit;
        this.err = err;
        closed = !terminal;
        timer = terminal ? Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory()) : null;
        if (timer != null) {
            // One frame when the quiet time is over, in case a single group runs long.
            timer.schedule(this::draw, QUIET_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** A progress line for {@code lab}'s up, shown only when standard error is a terminal. */
    static Progress ofUp(String lab, PrintWriter err) {
        return new Progress("up", lab, "steps", err, Terminal.is(2));
    }

    /** A progress line for {@code lab}'s down, shown only when standard error is a terminal. */
    static Progress ofDown(String lab, PrintWriter err) {
        return new Progress("down", lab, "removed", err, Terminal.is(2));
    }

    @Override
    public synchronized void starting(int steps) {
        total = steps;
    }

    @Override
    public void group(String what, int steps) {
        phase(what);
    }

    @Override
    public synchronized void took(String what, int steps, Duration took) {
        done += steps;
    }

    @Override
    public void phase(String what) {
        synchronized (this) {
            current = what;
        }
        draw();
    }

    /** Counted as they go, drawn at most every few milliseconds: a down removes thousands one by one. */
    @Override
    public void removed(int things) {
        long now = System.nanoTime();
        synchronized (this) {
            done += things;
            if (now - lastDrawn < TimeUnit.MILLISECONDS.toNanos(REDRAW_MS)) {
                return;
            }
        }
        draw();
    }

    private synchronized void draw() {
        if (closed || total == 0 || System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
            return;
        }
        lastDrawn = System.nanoTime();
        String line = "netlab: " + verb + " " + lab + ": " + done + "/" + total + " " + unit + ", " + current;
        line = line.length() > WIDTH ? line.substring(0, WIDTH) : line;
        if (!line.equals(shown)) {
            err.print("\r" + line + ERASE);
            err.flush();
            shown = line;
        }
    }

    /** Erases the line if one was shown; called whether the up worked or not. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            closed = true;
            if (!shown.isEmpty()) {
                err.print("\r" + ERASE);
                err.flush();
                shown = ""; // a second close erases nothing
            }
        }
    }
}
