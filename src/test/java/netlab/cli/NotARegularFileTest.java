package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology file that is not a regular file is refused before it is opened: a FIFO used to hang
 * check and up forever (opening it waits for a writer), a device could be read without end.
 */
@KernelTest
class NotARegularFileTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    @Test
    void aFifoIsRefusedByCheckPlanAndUpWithoutWaitingForAWriter() {
        Path fifo = directory.resolve("lab.topo");
        Shell.check("mkfifo", fifo.toString());

        for (String verb : new String[] {"check", "plan", "up"}) {
            Run run = assertTimeoutPreemptively(AT_ONCE, () -> Cli.netlab(verb, fifo.toString()));

            assertThat(run.exitCode()).as(verb).isEqualTo(ExitCodes.TOPOLOGY);
            assertThat(run.err()).as(verb).isEqualTo(fifo + ": cannot read the file: it is a FIFO, not a regular file\n");
        }
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }

    @Test
    void aDirectoryAndADeviceAreRefusedByName() {
        Run dir = assertTimeoutPreemptively(AT_ONCE, () -> Cli.netlab("check", directory.toString()));
        Run device = assertTimeoutPreemptively(AT_ONCE, () -> Cli.netlab("check", "/dev/zero"));

        assertThat(dir.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(dir.err()).isEqualTo(directory + ": cannot read the file: it is a directory, not a regular file\n");
        assertThat(device.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(device.err()).isEqualTo("/dev/zero: cannot read the file: it is a character device, not a regular file\n");
    }

    @Test
    void aLinkToARegularFileIsRead() throws Exception {
        Path link = directory.resolve("link.topo");
        java.nio.file.Files.createSymbolicLink(link, Path.of(Cli.LAN).toAbsolutePath());

        Run run = Cli.netlab("check", link.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    }
}
