package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * up refuses (exit 6) when a name the lab would create is already taken by something that is not
 * the lab's, lists each conflict, and leaves the other owner's objects exactly as they were.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class ConflictsTest {
    @Test
    void anExistingNamespaceOfTheSameNameIsAConflict() {
        Shell.check("ip", "netns", "add", "ns1");
        try {
            Shell.check("ip", "-n", "ns1", "link", "add", "theirs0", "type", "bridge");
            KernelTraces theirs = KernelTraces.take();
            String theirLinks = Shell.check("ip", "-n", "ns1", "-j", "link");

            Run up = netlab("up", LAN);

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.out()).isEmpty();
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab lan up:\n"
                    + "  namespace ns1 already exists and does not belong to lab lan\n");
            assertThat(KernelTraces.take()).isEqualTo(theirs);
            assertThat(Shell.check("ip", "-n", "ns1", "-j", "link")).isEqualTo(theirLinks);
            assertThat(Shell.check("ip", "netns", "list")).doesNotContain("ns2");
        } finally {
            Shell.check("ip", "netns", "delete", "ns1");
        }
    }

    @Test
    void anExistingHostInterfaceOfTheSameNameIsAConflict() {
        Shell.check("ip", "link", "add", "br0", "type", "bridge");
        try {
            Shell.check("ip", "addr", "add", "10.77.0.1/24", "dev", "br0");
            KernelTraces theirs = KernelTraces.take();

            Run up = netlab("up", LAN);

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab lan up:\n"
                    + "  br0 already exists in the host namespace and does not belong to lab lan\n");
            assertThat(KernelTraces.take()).isEqualTo(theirs);
            var br0 = Json.of("ip", "-j", "addr", "show", "dev", "br0").get(0);
            assertThat(br0.get("addr_info").get(0).get("local").asText()).isEqualTo("10.77.0.1");
            assertThat(br0.get("addr_info")).hasSize(1);
        } finally {
            Shell.check("ip", "link", "delete", "br0");
        }
    }

    @Test
    void everyConflictIsListed() {
        try {
            Shell.check("ip", "netns", "add", "ns2");
            Shell.check("ip", "link", "add", "ns1-eth0", "type", "bridge");
            Shell.check("ip", "link", "add", "br0", "type", "bridge");
            KernelTraces theirs = KernelTraces.take();

            Run up = netlab("up", LAN);

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab lan up:\n"
                    + "  namespace ns2 already exists and does not belong to lab lan\n"
                    + "  br0 already exists in the host namespace and does not belong to lab lan\n"
                    + "  ns1-eth0 already exists in the host namespace and does not belong to lab lan\n");
            assertThat(KernelTraces.take()).isEqualTo(theirs);
        } finally {
            Shell.run("ip", "link", "delete", "br0");
            Shell.run("ip", "link", "delete", "ns1-eth0");
            Shell.run("ip", "netns", "delete", "ns2");
        }
    }

    @Test
    void anExistingHostTableOfTheLabsNameIsAConflictAndKeepsItsRules() {
        Shell.check("nft", "add table ip netlab-lan; add chain ip netlab-lan theirs; add rule ip netlab-lan theirs counter");
        try {
            KernelTraces theirs = KernelTraces.take();
            String theirRuleset = Shell.check("nft", "list", "ruleset");

            Run up = netlab("up", LAN);

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab lan up:\n"
                    + "  table ip netlab-lan already exists in the host namespace and does not belong to lab lan\n");
            assertThat(KernelTraces.take()).isEqualTo(theirs);
            assertThat(Shell.check("nft", "list", "ruleset")).isEqualTo(theirRuleset);
        } finally {
            Shell.check("nft", "delete", "table", "ip", "netlab-lan");
        }
    }

    @Test
    void anotherInterfacesAlternativeNameIsAConflict() {
        Shell.check("ip", "link", "add", "theirs0", "type", "bridge");
        try {
            Shell.check("ip", "link", "property", "add", "dev", "theirs0", "altname", "br0");
            KernelTraces theirs = KernelTraces.take();

            Run up = netlab("up", LAN);

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab lan up:\n"
                    + "  br0 already exists in the host namespace and does not belong to lab lan\n");
            assertThat(KernelTraces.take()).isEqualTo(theirs);
        } finally {
            Shell.check("ip", "link", "delete", "theirs0");
        }
    }

    /**
     * Two exercises that both have an ns1 and a br0: the second is refused, and the message says
     * which lab holds each name and how to free it.
     */
    @Test
    void aNameAnotherLabMadeIsSaidToBeThatLabs(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("exercise2.topo"), Files.readString(Path.of(LAN))
                .replace("lab lan", "lab exercise2").replace("192.168.0.", "192.168.9."));
        assertThat(netlab("up", LAN).exitCode()).isZero();
        try {
            KernelTraces lan = KernelTraces.take();

            Run up = netlab("up", other.toString());

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab exercise2 up:\n"
                    + "  namespace ns1 already exists and belongs to lab lan (netlab down lan frees it)\n"
                    + "  namespace ns2 already exists and belongs to lab lan (netlab down lan frees it)\n"
                    + "  br0 already exists in the host namespace and belongs to lab lan (netlab down lan frees it)\n"
                    + "  ns1-eth0 already exists in the host namespace and belongs to lab lan (netlab down lan frees it)\n"
                    + "  ns2-eth0 already exists in the host namespace and belongs to lab lan (netlab down lan frees it)\n");
            assertThat(KernelTraces.take()).isEqualTo(lan);
        } finally {
            assertThat(netlab("down", "lan").exitCode()).isZero();
        }
    }
}
