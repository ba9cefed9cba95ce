package netlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Refuses to run a {@link KernelTest} outside the sandbox: the JVM must be in a network namespace
 * other than the one it was started from, and /run must be a tmpfs of the sandbox's own.
 */
final class SandboxGuard implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!"1".equals(System.getenv("NETLAB_SANDBOX"))) {
            throw new IllegalStateException("kernel tests run only in the test sandbox (make test); "
                    + "NETLAB_SANDBOX is not set, so this JVM may be on the real machine");
        }
        Path ours = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        String outer = System.getenv("NETLAB_SANDBOX_OUTER_NETNS");
        if (outer == null || outer.equals(ours.toString())) {
            throw new IllegalStateException("the test JVM is still in the network namespace it was "
                    + "started from (" + ours + ")");
        }
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts"));
        boolean runIsSandboxTmpfs = mounts.stream()
                .map(line -> line.split(" "))
                .anyMatch(fields -> fields[0].equals("netlab-sandbox") && fields[1].equals("/run"));
        if (!runIsSandboxTmpfs) {
            throw new IllegalStateException("/run is not the sandbox's private tmpfs");
        }
    }
}
