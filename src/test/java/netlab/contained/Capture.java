package netlab.contained;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code tcpdump -t -l -n --immediate-mode} on an interface of a node of a copy, reached without
 * netlab ({@link Contained#nodeCommand}): every packet that matches a filter, one line each, as
 * tcpdump prints it. {@link #start} returns once tcpdump says it is listening, so a packet sent
 * afterwards cannot be missed.
 */
final class Capture implements AutoCloseable {
    private static final long PATIENCE_SECONDS = 20;
    /** What the reader puts after the last line, when tcpdump's output ends. */
    private static final String END = "\0end";

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private Thread errors;

    private Capture(Process process) {
        this.process = process;
    }

    /** Starts tcpdump on {@code device} of {@code node} in the copy {@code lab}. */
    static Capture start(String lab, String node, String device, String filter) {
        List<String> command = new ArrayList<>(Contained.nodeCommand(lab, node));
        // -Z root: tcpdump would drop to its own user otherwise.
        command.addAll(List.of("tcpdump", "-Z", "root", "-t", "-l", "-n", "--immediate-mode", "-i", device, filter));
        Capture capture;
        try {
            capture = new Capture(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        capture.awaitListening(command);
        Thread.ofVirtual().start(capture::readPackets);
        return capture;
    }

    private void awaitListening(List<String> command) {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = err.readLine()) != null) {
                    append(line);
                    if (line.contains("listening on")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean started;
        try {
            started = listening.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not start: " + stderr(), e);
        }
        if (!started) {
            throw new IllegalStateException(String.join(" ", command) + " did not start: " + stderr());
        }
        // Keep reading stderr (tcpdump's count at the end), so tcpdump never blocks on a full pipe.
        errors = Thread.ofVirtual().start(() -> {
            try {
                err.lines().forEach(this::append);
            } catch (UncheckedIOException e) {
                // tcpdump is gone.
            }
        });
    }

    private synchronized void append(String line) {
        stderr.append(line).append('\n');
    }

    private synchronized String stderr() {
        return stderr.toString();
    }

    private void readPackets() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // With -l, tcpdump ends its output with an empty line when it stops.
            out.lines().filter(line -> !line.isEmpty()).forEach(lines::add);
        } catch (IOException | UncheckedIOException e) {
            // tcpdump is gone.
        }
        lines.add(END);
    }

    /** Waits for a packet whose line contains {@code text}; the line. */
    String awaitPacket(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new IllegalStateException("no packet with '" + text + "'; saw " + seen + "; tcpdump said: " + stderr());
            }
            seen.add(line);
            if (line.contains(text)) {
                return line;
            }
        }
    }

    /** Stops tcpdump; every packet it printed, and what it said last (its count). */
    List<String> stop() throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close the pipes, and lose
        // what tcpdump still has to say.
        process.toHandle().destroy();
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("tcpdump did not end on SIGTERM: " + stderr());
        }
        errors.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        while (true) {
            String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                return List.copyOf(seen);
            }
            seen.add(line);
        }
    }

    /** What tcpdump printed on stderr so far: "listening on ...", and after {@link #stop} "N packets captured". */
    String said() {
        return stderr();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
