package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import netlab.testing.NetlabRunner;

/**
 * {@code netlab watch ARGS} in a child JVM, its output read line by line as it comes: the tests
 * wait for a line (with a generous deadline, never a timed assertion) instead of for a time.
 */
final class WatchProcess implements AutoCloseable {
    /** Only a test that fails waits this long; a watch answers in milliseconds. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private WatchProcess(Process process) {
        this.process = process;
        readers.add(collect(process.getInputStream(), out));
        readers.add(collect(process.getErrorStream(), err));
    }

    /** Starts watch and returns once it says that it listens. */
    static WatchProcess start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("watch"));
        command.addAll(List.of(args));
        WatchProcess watch = new WatchProcess(new ProcessBuilder(
                NetlabRunner.javaCommand(Main.class, command.toArray(String[]::new))).start());
        watch.awaitErr(line -> line.startsWith("watching lab "));
        return watch;
    }

    private static Thread collect(InputStream stream, List<String> lines) {
        return Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process ended: what it printed is in the list.
            }
        });
    }

    /** The first standard output line that matches, once printed. */
    String awaitOut(Predicate<String> wanted) throws InterruptedException {
        return await(out, wanted, "stdout");
    }

    String awaitErr(Predicate<String> wanted) throws InterruptedException {
        return await(err, wanted, "stderr");
    }

    private String await(List<String> lines, Predicate<String> wanted, String which) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("watch printed no such line on " + which + "; it printed:\n"
                            + String.join("\n", lines) + "\nstderr:\n" + String.join("\n", err()));
                }
                lines.wait(left);
            }
        }
    }

    /** Its exit status, once it ended (within the patience). */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("watch ended").isTrue();
        for (Thread reader : readers) {
            reader.join(); // every line it printed is read
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
