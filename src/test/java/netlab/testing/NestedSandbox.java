package netlab.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command run in a fresh sandbox of its own inside the test sandbox
 * ({@code src/test/sandbox/nested-sandbox}), and the kernel state it left there.
 */
public final class NestedSandbox {
    private static final Path SCRIPT = Path.of("test/sandbox/nested-sandbox").toAbsolutePath();

    private NestedSandbox() {}

    /** What the command printed and returned, and the sandbox's state after it. */
    public record Outcome(int status, String out, String err, KernelState state) {
        /** The command's status and the end of what it printed on stderr, for a failure message. */
        public String summary() {
            List<String> lines = err.lines().toList();
            return "exit status " + status + (lines.isEmpty() ? "" : ", stderr ending:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 6), lines.size())));
        }
    }

    /** Runs {@code command} in a new nested sandbox, recording into {@code dir} (a directory outside /run). */
    public static Outcome run(Path dir, List<String> command) {
        List<String> line = new ArrayList<>(List.of(SCRIPT.toString(), dir.toString()));
        line.addAll(command);
        Shell.Result sandbox = Shell.run(line.toArray(String[]::new));
        if (sandbox.exitCode() != 0) {
            throw new IllegalStateException("nested-sandbox " + String.join(" ", command) + " exited " + sandbox.exitCode()
                    + ": " + sandbox.stderr());
        }
        return new Outcome(Integer.parseInt(TextFile.read(dir.resolve("status")).strip()), TextFile.read(dir.resolve("out")),
                TextFile.read(dir.resolve("err")), KernelState.read(dir.resolve("state")));
    }
}
