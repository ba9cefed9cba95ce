package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;

/** lan up for a whole test class, and down after it with the kernel as before (ExecCommandTest, LinkCommandTest). */
final class LanForTheClass {
    private LanForTheClass() {}

    /** Brings lan up; returns the kernel's traces from before, for {@link #down}. */
    static KernelTraces up() {
        KernelTraces before = KernelTraces.take();
        Run up = netlab("up", LAN);
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        return before;
    }

    /** Takes lan down and checks that nothing of it is left. */
    static void down(KernelTraces before) {
        Run down = netlab("down", "lan");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
    }
}
