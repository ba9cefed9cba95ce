package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.cli.ExitCodes;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, items 2 and 7: what a {@code down} that was killed, or that could not finish, leaves
 * behind is completed by the next {@code down}, and {@code ls} shows such a lab as broken.
 */
@KernelTest
class DownAlwaysFinishesTest {
    private static final Path STATE = Path.of("/run/netlab/lan/state");
    private static final Path LEDGER = Path.of("/run/netlab/.host-sysctls");

    @TempDir
    Path directory;

    private KernelTraces before;

    @BeforeEach
    void takeTheMachinesState() {
        before = KernelTraces.names();
    }

    @AfterEach
    void removeLabsLeftUp() {
        Netlab.removeLabsLeftUp();
    }

    /**
     * A down killed between unmounting a namespace and unlinking its file leaves an empty file
     * in /run/netns: no namespace anymore, and the next down removes it (it used to refuse, "not
     * the one lab made", for ever, and up refused the name).
     */
    @Test
    void anEmptyNamespaceFileLeftByAKilledDownIsRemovedByTheNext() {
        assertThat(Netlab.run("up", Netlab.LAN).exitCode()).isEqualTo(ExitCodes.OK);
        Shell.check("umount", "/run/netns/ns1");
        assertThat(Path.of("/run/netns/ns1")).isEmptyFile();

        Run down = Netlab.run("down", "lan");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(Path.of("/run/netns/ns1")).doesNotExist();
        assertThat(KernelTraces.names()).isEqualTo(before);
        assertThat(Netlab.run("up", Netlab.LAN).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Netlab.run("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
    }

    /**
     * An up killed while it wrote the host sysctls' ledger leaves the new copy beside it (found
     * by KillAnywhereTest, one kill in many runs); the next down removes it.
     */
    @Test
    void theLedgersHalfWrittenCopyLeftByAKillIsRemovedByDown() throws Exception {
        assertThat(Netlab.run("up", Netlab.LAN).exitCode()).isEqualTo(ExitCodes.OK);
        Path copy = Files.writeString(LEDGER.resolveSibling(".host-sysctls.tmp"), "netlab-host-sysctls 1\nnet.ipv4.ip_");

        Run down = Netlab.run("down", "lan");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(copy).doesNotExist();
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    /** Someone else's namespace mounted on a name of the lab's is not its own: left alone. */
    @Test
    void aNamespaceMountedThereBySomeoneElseIsLeftAloneAndDownFinishes() {
        assertThat(Netlab.run("up", Netlab.LAN).exitCode()).isEqualTo(ExitCodes.OK);
        Shell.check("ip", "netns", "del", "ns1");
        Shell.check("ip", "netns", "add", "ns1");
        String theirs = Shell.check("stat", "-L", "-c", "%i", "/run/netns/ns1");

        Run down = Netlab.run("down", "lan");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.err()).contains("namespace ns1 is not the one lab lan made");
        assertThat(Shell.check("stat", "-L", "-c", "%i", "/run/netns/ns1")).isEqualTo(theirs);
        assertThat(STATE).doesNotExist();
        Shell.check("ip", "netns", "del", "ns1");
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    /**
     * A down that could not finish leaves the lab broken, not up: here the host sysctl's old
     * value cannot be written back (the machine's ledger of host sysctls was edited to say "x").
     */
    @Test
    void aLabHalfTakenDownIsBroken() throws Exception {
        assertThat(Netlab.run("up", Netlab.LAN).exitCode()).isEqualTo(ExitCodes.OK);
        Files.writeString(LEDGER, Files.readString(LEDGER).replace("net.ipv4.ip_forward 0 1 lan", "net.ipv4.ip_forward x 1 lan"));

        Run down = Netlab.run("down", "lan");

        assertThat(down.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(down.err()).contains("net.ipv4.ip_forward");
        assertThat(Netlab.run("ls").out()).containsPattern("(?m)^lan +broken ");
        Files.writeString(LEDGER, Files.readString(LEDGER).replace("net.ipv4.ip_forward x 1 lan", "net.ipv4.ip_forward 0 1 lan"));
        assertThat(Netlab.run("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    /**
     * A host sysctl of the lab's own interface goes with the interface: its key is gone when
     * down comes to restore it, which is done, not an error (it used to fail for ever).
     */
    @Test
    void aHostSysctlOfTheLabsOwnInterfaceIsNoObstacle() throws Exception {
        Path file = Files.writeString(directory.resolve("brl.topo"), """
                lab brl
                host
                  bridge brl 10.5.0.1/24
                  sysctl net.ipv4.conf.brl.proxy_arp=1
                """);
        assertThat(Netlab.run("up", file.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        Run down = Netlab.run("down", "brl");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.names()).isEqualTo(before);
    }
}
