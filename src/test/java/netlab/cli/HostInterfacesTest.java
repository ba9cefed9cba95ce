package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.NetlabRunner;
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

    @Test
    void aMacvlanOnAHostInterfaceThatDoesNotExistIsAFileErrorAndChangesNothing() throws Exception {
        Path file = directory.resolve("m.topo");
        Files.writeString(file, "lab m\nhost\nnode r1\n  link eth0 to r2:eth0 address 10.66.0.1/24\nnode r2\n"
                + "  macvlan mv0 on host:nosuch0 address 10.67.0.1/24\n");
        String linksBefore = Shell.check("ip", "-j", "link", "show");

        Run up = NetlabRunner.inProcess("up", file.toString());

        assertThat(up.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(up.err()).startsWith(file + ":6:3: the host has no interface nosuch0 (this machine's interfaces: lo")
                .contains("    macvlan mv0 on host:nosuch0 address 10.67.0.1/24\n    ^");
        assertThat(Shell.check("ip", "-j", "link", "show")).isEqualTo(linksBefore);
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }
}
