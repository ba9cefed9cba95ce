package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host sysctls are the machine's, shared by its labs: two labs setting one to the same value both
 * keep it as long as either is up, and the old value comes back after the last one goes down, in
 * either order; a lab that would set another value is refused before it changes anything.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class SharedHostSysctlsTest {
    private static final Path FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    @TempDir
    Path directory;

    private Path lab(String name, String bridge, String forward) throws Exception {
        return Cli.topology(directory, name + ".topo", "lab " + name + "\nhost\n  bridge " + bridge
                + "\n  sysctl net.ipv4.ip_forward=" + forward + "\n");
    }

    private static String forward() throws Exception {
        return Files.readString(FORWARD).strip();
    }

    @Test
    void twoLabsShareAHostSysctlAndTheLastToGoPutsItBackInEitherOrder() throws Exception {
        assertThat(forward()).isEqualTo("0");
        Path a = lab("sha", "shbr0", "1");
        Path b = lab("shb", "shbr1", "1");
        for (List<String> order : List.of(List.of("sha", "shb"), List.of("shb", "sha"))) {
            assertThat(netlab("up", a.toString()).exitCode()).isZero();
            assertThat(netlab("up", b.toString()).exitCode()).isZero();
            assertThat(forward()).isEqualTo("1");

            assertThat(netlab("down", order.get(0)).exitCode()).isZero();
            assertThat(forward()).as("after " + order.get(0) + " went down, with " + order.get(1) + " still up")
                    .isEqualTo("1");
            assertThat(netlab("down", order.get(1)).exitCode()).isZero();
            assertThat(forward()).as("after both went down").isEqualTo("0");
        }
        assertThat(Path.of("/run/netlab/.host-sysctls")).doesNotExist();
    }

    /** The old value is put back whole: it was once recorded by its first character (64 as 6). */
    @Test
    void aValueOfSeveralCharactersComesBackWhole() throws Exception {
        Path ttl = Path.of("/proc/sys/net/ipv4/ip_default_ttl");
        String before = Files.readAllLines(ttl).getFirst();
        assertThat(before).hasSizeGreaterThan(1);
        Path file = Cli.topology(directory, "sht.topo", "lab sht\nhost\n  bridge shbr4\n  sysctl net.ipv4.ip_default_ttl=3\n");

        assertThat(netlab("up", file.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(ttl).getFirst()).isEqualTo("3");
        assertThat(netlab("down", "sht").exitCode()).isZero();

        assertThat(Files.readAllLines(ttl).getFirst()).isEqualTo(before);
    }

    @Test
    void aLabThatWouldSetAnotherValueIsRefusedBeforeAnyChange() throws Exception {
        Path a = lab("shc", "shbr2", "1");
        Path b = lab("shd", "shbr3", "0");
        assertThat(netlab("up", a.toString()).exitCode()).isZero();
        try {
            Run refused = netlab("up", b.toString());

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(refused.err()).isEqualTo("netlab: cannot bring lab shd up:\n"
                    + "  host sysctl net.ipv4.ip_forward is 1 for lab shc, and lab shd would set it to 0\n");
            assertThat(forward()).isEqualTo("1");
            assertThat(netlab("ls").out()).doesNotContain("shd");
        } finally {
            netlab("down", "shc");
        }
        assertThat(forward()).isEqualTo("0");
    }
}
