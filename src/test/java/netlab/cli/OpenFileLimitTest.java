package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab that needs more descriptors than the process may open is refused before any change, in
 * one line with the limit and a hint, exit 4; it used to fail half-way with
 * "UncheckedIOException ... Too many open files", exit 1.
 */
@KernelTest
class OpenFileLimitTest {
    @TempDir
    Path directory;

    @Test
    void aLabBeyondTheOpenFileLimitIsRefusedBeforeAnyChange() throws Exception {
        StringBuilder text = new StringBuilder("lab many\n");
        for (int i = 1; i <= 300; i++) {
            text.append("node h").append(i).append('\n');
        }
        Path file = Files.writeString(directory.resolve("many.topo"), text);
        KernelTraces before = KernelTraces.take();

        // Soft and hard alike: the JVM raises the soft limit to the hard one as it starts.
        Shell.Result up = Cli.childJvm(List.of("prlimit", "--nofile=256:256"), "up", file.toString());

        assertThat(up.exitCode()).as(up.stderr()).isEqualTo(ExitCodes.KERNEL);
        assertThat(up.stderr()).matches("netlab: lab many needs about \\d+ open files \\(2 for each of its 300 nodes, 1 more "
                + "for each with NAT, and what netlab holds\\), but this process may open 256 \\(ulimit -n\\): raise the "
                + "limit, e.g. ulimit -n \\d+\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }
}
