package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A host block naming one of the machine's own interfaces is checked at up, before any change. */
@KernelTest
class HostInterfacesTest {
    @TempDir
    Path directory;

    @Test
    void natOutOnAHostInterfaceThatDoesNotExistIsAFileErrorAndChangesNothing() throws Exception {
        Path file = directory.resolve("t.topo");
        Files.writeString(file, "lab t\nhost\n  bridge tbr0 10.9.0.1/24\n  masquerade src 10.9.0.0/24 out eth9\n");
        String linksBefore = Shell.check("ip", "-j", "link", "show");
        StringWriter err = new StringWriter();
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));

        int status = command.execute("up", file.toString());

        assertThat(status).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(err.toString()).startsWith(file + ":4:3: the host has no interface eth9 (this machine's interfaces: lo")
                .contains("    masquerade src 10.9.0.0/24 out eth9\n    ^");
        assertThat(Shell.check("ip", "-j", "link", "show")).isEqualTo(linksBefore);
        assertThat(Shell.check("nft", "list", "ruleset")).isEmpty();
    }
}
