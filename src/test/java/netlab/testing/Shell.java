package netlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the independent oracles of the tests (ip, nft, ping, ...) and returns what they print. */
public final class Shell {
    private Shell() {}

    /** The result of one command: exit status and its standard output and error. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).start();
            process.getOutputStream().close();
            // Drain both pipes at once so that neither can fill up and stall the command.
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command that must succeed and returns its standard output. */
    public static String check(String... command) {
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode()
                    + ": " + result.stderr());
        }
        return result.stdout();
    }
}
