package netlab.graph;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import netlab.error.ToolMissingException;

/**
 * Renders DOT with Graphviz's {@code dot}: the one program netlab runs for a picture (README,
 * "no shelling out"). Laying out a graph is Graphviz's whole craft; netlab only writes its input.
 */
public final class GraphvizDot {
    private GraphvizDot() {}

    /** {@code dot -Tformat}, fed {@code dot} on stdin; its output, or an exception with its stderr. */
    public static byte[] render(String dot, String format) {
        Path program = find().orElseThrow(() -> new ToolMissingException(
                "graph --format " + format + " needs Graphviz's dot, which is not installed; install it with: "
                        + "apt-get install graphviz (or use --format dot or mermaid)"));
        try {
            Process process = new ProcessBuilder(program.toString(), "-T" + format)
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            // stdout and stderr are read while dot still writes, so neither pipe fills and stalls it.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException("dot -T" + format + " failed (exit " + status + "): "
                        + new String(err.join(), StandardCharsets.UTF_8).strip());
            }
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new netlab.error.InterruptedWaitException("waiting for dot to render the graph", e);
        }
    }

    /** dot on the PATH, as a shell would find it. */
    public static java.util.Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try (stream; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            stream.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
