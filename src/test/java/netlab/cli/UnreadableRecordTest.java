package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A record netlab cannot read (issue 14, item 9: one bad timestamp made ls and down fail for
 * every lab with a Java exception) is a broken lab with its reason: ls lists it beside the
 * others, show, up and down refuse it with the reason and how to remove it by hand, and
 * down --all takes the other labs down anyway. Nothing of it is acted on.
 */
@KernelTest
class UnreadableRecordTest {
    private static final Path BAD = Path.of("/run/netlab/bad");

    @AfterEach
    void removeTheBadRecord() throws Exception {
        netlab("down", "-f", "lan");
        if (Files.exists(BAD)) {
            Shell.check("rm", "-r", BAD.toString());
        }
        Shell.run("ip", "netns", "del", "keep");
    }

    /** A record as an up of lab "bad" would write it, but for one timestamp, naming a namespace. */
    private static void writeBadRecord() throws Exception {
        Files.createDirectories(BAD);
        Files.writeString(BAD.resolve("state"), """
                netlab-state 2
                lab bad
                file /tmp/bad.topo
                since yesterday
                status up
                group 12345
                namespace keep 1 1
                """);
    }

    @Test
    void lsListsItBrokenWithItsReasonBesideTheOthers() throws Exception {
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);
        writeBadRecord();

        Run ls = netlab("ls");

        assertThat(ls.exitCode()).as(ls.err()).isEqualTo(ExitCodes.OK);
        assertThat(ls.out().lines().toList()).hasSize(4).satisfies(lines -> {
            assertThat(lines.get(1)).matches("bad +broken +- +- +-");
            assertThat(lines.get(2)).startsWith("lan ").contains(" up ");
            assertThat(lines.get(3)).isEqualTo("lab bad: its record cannot be read (line 4: 'yesterday' is not a time); "
                    + "netlab down bad says how to remove it");
        });
    }

    @Test
    void downShowAndUpRefuseItWithTheReasonAndTouchNothing() throws Exception {
        writeBadRecord();
        Shell.check("ip", "netns", "add", "keep");
        String refusal = "netlab: lab bad is broken: its record /run/netlab/bad/state cannot be read (line 4: "
                + "'yesterday' is not a time), and netlab acts on no part of a record it cannot read; remove what it "
                + "lists by hand (ip netns del NAME, ip link del NAME, nft delete table FAMILY NAME, sysctl -w "
                + "KEY=VALUE), then: rm -r /run/netlab/bad\n";

        for (String[] verb : new String[][] {{"down", "bad"}, {"down", "-f", "bad"}, {"show", "bad"}}) {
            Run run = netlab(verb);
            assertThat(run.exitCode()).as(String.join(" ", verb)).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(run.err()).as(String.join(" ", verb)).isEqualTo(refusal);
        }
        Path topology = Files.writeString(Files.createTempDirectory("bad").resolve("bad.topo"), "node n1\n");
        Run up = netlab("up", topology.toString());
        assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(up.err()).isEqualTo(refusal);

        assertThat(Shell.check("ip", "netns", "list")).contains("keep");
        assertThat(BAD.resolve("state")).exists();
    }

    @Test
    void downAllTakesTheOthersDownAndReportsIt() throws Exception {
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);
        writeBadRecord();

        Run down = netlab("down", "--all");

        assertThat(down.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(down.out()).isEqualTo("lab lan is down\n");
        assertThat(down.err()).startsWith("netlab: lab bad is broken: its record /run/netlab/bad/state cannot be read");
        assertThat(Path.of("/run/netlab/lan")).doesNotExist();
        assertThat(BAD.resolve("state")).exists();
    }

    @Test
    void aRecordInAnotherLabsDirectoryIsNotThatLab() throws Exception {
        Files.createDirectories(BAD);
        Files.writeString(BAD.resolve("state"), """
                netlab-state 2
                lab lan
                file /tmp/lan.topo
                since 2026-11-23T11:00:00Z
                status up
                group 12345
                """);

        Run ls = netlab("ls");

        assertThat(ls.out()).contains("lab bad: its record cannot be read (it names lab 'lan', not the lab of its "
                + "directory)");
        assertThat(netlab("down", "bad").exitCode()).isEqualTo(ExitCodes.LAB_STATE);
    }
}
