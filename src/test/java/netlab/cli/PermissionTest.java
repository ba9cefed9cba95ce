package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.LeavesNoLab;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without CAP_NET_ADMIN and CAP_SYS_ADMIN, the verbs that change the kernel exit 5 with one line
 * that says what to do, and change nothing. The child JVM runs under setpriv with both
 * capabilities dropped from its bounding and inheritable sets, so even root cannot get them back.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class PermissionTest {
    private static final List<String> WITHOUT_ADMIN = List.of("setpriv",
            "--bounding-set=-net_admin,-sys_admin", "--inh-caps=-net_admin,-sys_admin");
    private static final String MESSAGE =
            "netlab: netlab needs root to work with labs (CAP_NET_ADMIN and CAP_SYS_ADMIN): run it with sudo\n";

    @Test
    void theChildReallyLacksTheCapabilities() {
        String status = Shell.check(concat(WITHOUT_ADMIN, "grep", "CapEff", "/proc/self/status"));
        long effective = Long.parseLong(status.strip().split("\\s+")[1], 16);

        assertThat(effective & (1L << 12)).as("CAP_NET_ADMIN").isZero();
        assertThat(effective & (1L << 21)).as("CAP_SYS_ADMIN").isZero();
    }

    @Test
    void upWithoutCapabilitiesSaysRunItWithSudo() {
        Shell.Result up = Cli.childJvm(WITHOUT_ADMIN, "up", LAN);

        assertThat(up.exitCode()).isEqualTo(ExitCodes.PERMISSION);
        assertThat(up.stderr()).isEqualTo(MESSAGE);
        assertThat(up.stdout()).isEmpty();
    }

    @Test
    void downAndExecWithoutCapabilitiesLeaveTheLabUp() {
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);
        KernelTraces up = KernelTraces.take();
        try {
            Shell.Result down = Cli.childJvm(WITHOUT_ADMIN, "down", "lan");
            Shell.Result exec = Cli.childJvm(WITHOUT_ADMIN, "exec", "ns1", "true");

            assertThat(down.exitCode()).isEqualTo(ExitCodes.PERMISSION);
            assertThat(down.stderr()).isEqualTo(MESSAGE);
            assertThat(exec.exitCode()).isEqualTo(ExitCodes.PERMISSION);
            assertThat(exec.stderr()).isEqualTo(MESSAGE);
            assertThat(KernelTraces.take()).isEqualTo(up);
        } finally {
            assertThat(netlab("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void readingVerbsNeedNoCapabilities() {
        Shell.Result check = Cli.childJvm(WITHOUT_ADMIN, "check", LAN);
        Shell.Result ls = Cli.childJvm(WITHOUT_ADMIN, "ls");

        assertThat(check.exitCode()).isZero();
        assertThat(ls.exitCode()).isZero();
        assertThat(ls.stdout()).isEqualTo("no lab is up\n");
    }

    private static String[] concat(List<String> prefix, String... command) {
        return java.util.stream.Stream.concat(prefix.stream(), java.util.Arrays.stream(command)).toArray(String[]::new);
    }
}
