package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which command lines skip picocli for down, and that those say and do what picocli's path does. */
@KernelTest
class DownShortcutTest {
    private KernelTraces before;

    @BeforeEach
    void take() {
        before = KernelTraces.take();
    }

    @AfterEach
    void down() {
        Cli.netlab("down", "-f", "lan");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void thePlainFormSkipsPicocli() {
        assertThat(DownShortcut.applies(new String[] {"down", "lan"})).isTrue();
        assertThat(DownShortcut.applies(new String[] {"-v", "down", "lan"})).isTrue();
        assertThat(DownShortcut.applies(new String[] {"--verbose", "down", "labs/lan.topo"})).isTrue();
    }

    @Test
    void everyOtherFormGoesToPicocli() {
        assertThat(DownShortcut.applies(new String[] {"down"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"down", ""})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"down", "--all"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"down", "-f", "lan"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"down", "lan", "-f"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"down", "--help"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"--trace-netlink", "down", "lan"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"-v", "up", "lan.topo"})).isFalse();
        assertThat(DownShortcut.applies(new String[] {"down", "@args"})).isFalse();
    }

    @Test
    void aLabThatIsNotUpIsReportedAsPicocliReportsIt() {
        Shell.Result shortcut = Cli.childJvm("down", "lan");
        Run picocli = Cli.netlab("down", "lan");

        assertThat(shortcut.exitCode()).isEqualTo(picocli.exitCode()).isNotZero();
        assertThat(shortcut.stderr()).isEqualTo(picocli.err()).contains("lab lan is not up");
        assertThat(shortcut.stdout()).isEqualTo(picocli.out()).isEmpty();
    }

    @Test
    void downSaysWhatPicocliSaysAndLeavesWhatItLeaves() {
        assertThat(Cli.netlab("up", Cli.LAN).exitCode()).isZero();
        Shell.Result shortcut = Cli.childJvm("-v", "down", "lan");
        KernelTraces afterShortcut = KernelTraces.take();
        assertThat(Cli.netlab("up", Cli.LAN).exitCode()).isZero();
        Run picocli = Cli.netlab("-v", "down", "lan");

        assertThat(afterShortcut).isEqualTo(before);
        assertThat(shortcut.exitCode()).isEqualTo(picocli.exitCode()).isZero();
        assertThat(shortcut.stdout()).isEqualTo(picocli.out()).isEqualTo("lab lan is down\n");
        assertThat(withoutTimes(shortcut.stderr())).isEqualTo(withoutTimes(picocli.err()))
                .contains("N ms  remove namespaces");
    }

    private static String withoutTimes(String text) {
        return text.replaceAll(" *\\d+ ms", "N ms");
    }
}
