package netlab.labs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code tcpdump -l -n -c 1} on an interface of a node: the first packet that matches a filter,
 * as tcpdump prints it. {@link #start} returns once tcpdump says it is listening, so a packet
 * sent afterwards cannot be missed (no sleeping).
 */
public final class Tcpdump implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 20;

    private final Process process;
    private final BufferedReader stdout;
    private final StringBuilder stderr = new StringBuilder();

    private Tcpdump(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts tcpdump in {@code node} ({@code host}: the test's own namespace). */
    public static Tcpdump start(String node, String device, boolean linkHeaders, String filter) {
        List<String> command = new ArrayList<>();
        if (!Oracle.HOST.equals(node)) {
            command.addAll(List.of("ip", "netns", "exec", node));
        }
        // -Z root: tcpdump would drop to its own user, which a rootless sandbox (user namespace) does not map.
        command.addAll(List.of("tcpdump", "-Z", "root", "-l", "-n", "-c", "1", "-i", device));
        if (linkHeaders) {
            command.add("-e");
        }
        command.add(filter);
        Tcpdump tcpdump;
        try {
            tcpdump = new Tcpdump(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tcpdump.awaitListening(command);
        return tcpdump;
    }

    private void awaitListening(List<String> command) {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line = within(() -> {
            String read;
            while ((read = err.readLine()) != null) {
                stderr.append(read).append('\n');
                if (read.contains("listening on")) {
                    return read;
                }
            }
            return null;
        });
        if (line == null) {
            throw new IllegalStateException(String.join(" ", command) + " did not start: " + stderr);
        }
        // Keep draining stderr, so tcpdump never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // tcpdump is gone; nothing more to read.
            }
        });
    }

    /** The one packet tcpdump printed (it exits after it). */
    public String packet() {
        String line = within(stdout::readLine);
        if (line == null) {
            throw new IllegalStateException("tcpdump printed no packet: " + stderr);
        }
        return line;
    }

    private interface Read {
        String line() throws IOException;
    }

    private String within(Read read) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return read.line();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("tcpdump said nothing for " + TIMEOUT_SECONDS + " s: " + stderr, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
