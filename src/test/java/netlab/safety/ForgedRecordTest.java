package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.cli.ExitCodes;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.testing.TextFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 1: the topology file's path goes into the lab's record, and a directory name
 * holding newlines must not be read back as records of its own (a foreign table, a foreign
 * namespace, a host sysctl, another lab's name that is a directory outside /run).
 */
@KernelTest
class ForgedRecordTest {
    @TempDir
    Path directory;

    @AfterEach
    void removeWhatTheTestMade() {
        Netlab.removeLabsLeftUp();
        Shell.run("nft", "delete", "table", "ip", "victim");
        Shell.run("ip", "netns", "del", "foreign");
    }

    @Test
    void recordsInTheTopologyFilesPathAreNeverActedOn() throws Exception {
        Path victim = Files.createDirectories(directory.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep me\n");
        // Each line after the first would be a record if the path were written as it is; the
        // last one, "lab /.../victim", spans directories: its '/'s are the path's own.
        Path injecting = directory.resolve("x\ntable host ip victim\nnamespace foreign 0\n"
                + "sysctl net.ipv4.ip_forward 1\nlab ").resolve(victim.toString().substring(1) + "\nx");
        Path file = Files.writeString(Files.createDirectories(injecting).resolve("a.topo"),
                "lab inj\nhost\n  bridge brinj 10.9.9.1/24\n");
        Shell.check("nft", "add", "table", "ip", "victim");
        Shell.check("ip", "netns", "add", "foreign");
        String forwarding = TextFile.read(Path.of("/proc/sys/net/ipv4/ip_forward"));

        Run up = Netlab.run("up", file.toString());
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(Netlab.run("ls").out()).contains("inj ").doesNotContain("victim\n");
        Run down = Netlab.run("down", "inj");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).isEqualTo("lab inj is down\n");
        assertThat(Shell.run("nft", "list", "table", "ip", "victim").exitCode()).as("table victim is left").isZero();
        assertThat(Shell.check("ip", "netns", "list")).contains("foreign");
        assertThat(TextFile.read(Path.of("/proc/sys/net/ipv4/ip_forward"))).isEqualTo(forwarding);
        assertThat(victim.resolve("precious")).hasContent("keep me\n");
        assertThat(Path.of(victim + ".lock")).doesNotExist();
        assertThat(Path.of("/run/netlab/inj")).doesNotExist();
        assertThat(Shell.check("ip", "-o", "link", "show")).doesNotContain("brinj");
    }
}
