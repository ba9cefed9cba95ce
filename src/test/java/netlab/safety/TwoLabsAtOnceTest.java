package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.ExitCodes;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two different labs brought up at the same moment by two netlab processes both come up; taking
 * one down removes only its own namespaces, host links and nf_tables table; the other still
 * works, and its own down then leaves the sandbox as it was.
 */
@KernelTest
class TwoLabsAtOnceTest {
    @AfterEach
    void removeLabsLeftUp() {
        Netlab.removeLabsLeftUp();
    }

    private static final String OTHER = """
            lab other
            host
              bridge br1 192.168.1.254/24
              masquerade src 192.168.1.0/24
            node ma
              link eth0 to br1 address 192.168.1.1/24
              route default via 192.168.1.254
            node mb
              link eth0 to br1 address 192.168.1.2/24
              route default via 192.168.1.254
            """;

    @TempDir
    Path directory;

    @Test
    void bothComeUpAndEachDownRemovesOnlyItsOwn() throws Exception {
        Path other = Files.writeString(directory.resolve("other.topo"), OTHER);
        assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
        KernelTraces before = KernelTraces.take();

        Process lan = Netlab.start(directory.resolve("lan.out"), directory.resolve("lan.err"), "up", Netlab.LAN);
        Process second = Netlab.start(directory.resolve("other.out"), directory.resolve("other.err"), "up",
                other.toString());
        assertThat(lan.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lan.exitValue()).as(Files.readString(directory.resolve("lan.err"))).isEqualTo(ExitCodes.OK);
        assertThat(second.exitValue()).as(Files.readString(directory.resolve("other.err"))).isEqualTo(ExitCodes.OK);
        assertThat(Netlab.run("ls").out()).containsPattern("(?m)^lan +up +2 ").containsPattern("(?m)^other +up +2 ");
        assertThat(namespaces()).containsExactlyInAnyOrder("ns1", "ns2", "ma", "mb");
        assertThat(hostLinks()).contains("br0", "ns1-eth0", "ns2-eth0", "br1", "ma-eth0", "mb-eth0");
        assertThat(Shell.check("nft", "list", "tables")).contains("table ip netlab-lan\n", "table ip netlab-other\n");
        String otherRules = Shell.check("nft", "list", "table", "ip", "netlab-other");

        Run downLan = Netlab.run("down", "lan");

        assertThat(downLan.exitCode()).as(downLan.err()).isEqualTo(ExitCodes.OK);
        assertThat(namespaces()).containsExactlyInAnyOrder("ma", "mb");
        assertThat(hostLinks()).doesNotContain("br0", "ns1-eth0", "ns2-eth0").contains("br1", "ma-eth0", "mb-eth0");
        assertThat(Shell.check("nft", "list", "tables")).doesNotContain("netlab-lan\n").contains("table ip netlab-other\n");
        assertThat(Shell.check("nft", "list", "table", "ip", "netlab-other")).isEqualTo(otherRules);
        assertThat(Netlab.run("ls").out()).doesNotContainPattern("(?m)^lan ").containsPattern("(?m)^other +up +2 ");
        assertThat(Shell.run("ip", "netns", "exec", "ma", "ping", "-c", "1", "-W", "2", "192.168.1.2").exitCode())
                .as("the other lab still works").isZero();

        Run downOther = Netlab.run("down", "other");

        assertThat(downOther.exitCode()).as(downOther.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
        assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
    }

    private static List<String> namespaces() {
        return Shell.check("ip", "netns", "list").lines().map(line -> line.split(" ")[0]).toList();
    }

    private static List<String> hostLinks() {
        return KernelTraces.names().links().lines().toList();
    }
}
