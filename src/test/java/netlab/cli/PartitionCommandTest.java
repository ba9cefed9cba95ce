package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionCommandTest {
    @Test
    void printsThePartsTheCutAndEachNodesPart() {
        Run run = netlab("partition", LAN, "--hosts", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        // lan: the host's bridge br0 with ns1 and ns2 on its ports; one of them must go.
        assertThat(run.out()).isEqualTo("""
                lab lan over 2 hosts (seed 1)
                  part 0: 2 nodes, weight 12 (+33.3 %)
                  part 1: 1 node, weight 6 (-33.3 %)
                  cut: 1 (veth links across hosts: 0; bridges split: host:br0 in 2 copies)
                nodes:
                  host 0
                  ns1 0
                  ns2 1
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void fewerThanOneHostIsAUsageError() {
        Run run = netlab("partition", LAN, "--hosts", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--hosts must be 1..64, not 0\n");
    }

    @Test
    void moreHostsThanTheLimitAreAUsageErrorNotAnHourOfWork() {
        Run run = netlab("partition", LAN, "--hosts", "100000");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--hosts must be 1..64, not 100000\n");
    }

    @Test
    void writingPartsForMoreMachinesThanTheLabFillsIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
        Run run = netlab("partition", LAN, "--hosts", "4", "--write", dir.resolve("parts").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--write: lab lan fills only 3 of 4 machines (its nodes that can be apart), "
                + "so 1 would have nothing to build; ask for 3 or fewer\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("parts")).doesNotExist();
    }

    @Test
    void aBrokenFileIsRefusedAsCheckRefusesIt() {
        Run run = netlab("partition", "no-such.topo", "--hosts", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(run.out()).isEmpty();
    }
}
