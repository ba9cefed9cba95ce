package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.cli.ExitCodes;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 100 up/down cycles of lan in one process: every one succeeds, and none leaves anything behind. */
@KernelTest
class UpDownCyclesTest {
    @AfterEach
    void removeLabsLeftUp() {
        Netlab.removeLabsLeftUp();
    }

    private static final int CYCLES = 100;

    @Test
    void hundredCyclesLeaveNothingBehind() {
        assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
        KernelTraces before = KernelTraces.take();

        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Run up = Netlab.run("up", Netlab.LAN);
            assertThat(up.exitCode()).as("up of cycle " + cycle + ": " + up.err()).isEqualTo(ExitCodes.OK);
            assertThat(up.out()).as("cycle " + cycle).startsWith("lab lan is up (");
            Run down = Netlab.run("down", "lan");
            assertThat(down.exitCode()).as("down of cycle " + cycle + ": " + down.err()).isEqualTo(ExitCodes.OK);
            assertThat(down.out()).as("cycle " + cycle).isEqualTo("lab lan is down\n");
            if (cycle % 10 == 0) {
                assertThat(KernelTraces.take()).as("after cycle " + cycle).isEqualTo(before);
                assertThat(Netlab.run("ls").out()).as("after cycle " + cycle).isEqualTo("no lab is up\n");
            }
        }
    }
}
