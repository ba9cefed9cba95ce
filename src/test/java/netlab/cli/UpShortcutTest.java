package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which command lines skip picocli for up, and that those say what picocli's path says. */
@KernelTest
class UpShortcutTest {
    @AfterEach
    void down() {
        Cli.netlab("down", "-f", "lan");
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }

    @Test
    void thePlainFormSkipsPicocli() {
        assertThat(UpShortcut.applies(new String[] {"up", "lan.topo"})).isTrue();
        assertThat(UpShortcut.applies(new String[] {"-v", "up", "lan.topo"})).isTrue();
        assertThat(UpShortcut.applies(new String[] {"--verbose", "up", "labs/lan.topo"})).isTrue();
    }

    @Test
    void everyOtherFormGoesToPicocli() {
        assertThat(UpShortcut.applies(new String[] {})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up", ""})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up", "--dry-run", "lan.topo"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up", "lan.topo", "--dry-run"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up", "-v", "lan.topo"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up", "--help"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"up", "-h"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"-v", "up", "--help"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"--trace-netlink", "up", "lan.topo"})).isFalse();
        assertThat(UpShortcut.applies(new String[] {"-v", "down", "lan"})).isFalse();
        // picocli reads @files.
        assertThat(UpShortcut.applies(new String[] {"up", "@args"})).isFalse();
    }

    @Test
    void aMissingFileIsReportedAsPicocliReportsIt() {
        Shell.Result shortcut = Cli.childJvm("up", "no-such-file.topo");
        Run picocli = Cli.netlab("up", "no-such-file.topo");

        assertThat(shortcut.exitCode()).isEqualTo(picocli.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(shortcut.stderr()).isEqualTo(picocli.err()).contains("no-such-file.topo", "no such file");
        assertThat(shortcut.stdout()).isEqualTo(picocli.out()).isEmpty();
    }

    @Test
    void upSaysWhatPicocliSays() {
        Shell.Result shortcut = Cli.childJvm("-v", "up", Cli.LAN);
        assertThat(Cli.netlab("down", "lan").exitCode()).isZero();
        Run picocli = Cli.netlab("-v", "up", Cli.LAN);

        assertThat(shortcut.exitCode()).isEqualTo(picocli.exitCode()).isZero();
        assertThat(withoutTimes(shortcut.stdout())).isEqualTo(withoutTimes(picocli.out()))
                .contains("lab lan is up", "end it:  netlab down lan");
        assertThat(withoutTimes(shortcut.stderr())).isEqualTo(withoutTimes(picocli.err()))
                .contains("ms  ip netns add ns1");
    }

    private static String withoutTimes(String text) {
        return text.replaceAll(" *\\d+ ms", " N ms");
    }
}
