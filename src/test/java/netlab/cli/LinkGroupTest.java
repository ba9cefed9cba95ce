package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netlab.state.LabGroups;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab's link group is one no interface of the host uses when it comes up, and {@code down}
 * deletes only what is provably the lab's in it: two labs whose names share a CRC-32 keep apart,
 * and an interface someone moves into a lab's group stays.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class LinkGroupTest {
    /** Two names whose first-choice groups are the same CRC-32 (issue 14 found them). */
    private static final String FIRST = "uablaijhsa";
    private static final String SECOND = "pfcxpytzcn";

    @TempDir
    Path directory;

    /** A host bridge with one node on it, whose port is called NODE-eth0. */
    private Path lab(String name, String node, String bridge, String prefix) throws Exception {
        return Cli.topology(directory, name + ".topo", "lab " + name + "\nhost\n  bridge " + bridge + " " + prefix + ".1/24\n"
                + "node " + node + "\n  link eth0 to " + bridge + " address " + prefix + ".2/24\n");
    }

    @Test
    void labsWhoseNamesShareAGroupTakeDifferentOnesAndDownLeavesTheOther() throws Exception {
        assertThat(LabGroups.of(FIRST)).isEqualTo(LabGroups.of(SECOND));
        Path first = lab(FIRST, "ga", "gbr1", "10.81.0");
        Path second = lab(SECOND, "gb", "gbr2", "10.82.0");
        assertThat(netlab("up", first.toString()).exitCode()).isZero();
        try {
            assertThat(netlab("up", second.toString()).exitCode()).isZero();
            assertThat(group("gbr1")).isNotEqualTo(group("gbr2"));

            Run down = netlab("down", SECOND);

            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(Shell.run("ip", "link", "show", "gbr2").exitCode()).isNotZero();
            assertThat(Shell.check("ip", "-br", "link", "show", "master", "gbr1")).contains("ga-eth0");
            assertThat(netlab("ls").out()).containsPattern("(?m)^" + FIRST + " +up ");
        } finally {
            netlab("down", FIRST);
            netlab("down", "-f", SECOND);
        }
    }

    @Test
    void anInterfaceSomeoneMovesIntoTheLabsGroupIsLeftAlone() throws Exception {
        Path file = lab("grp", "gc", "gbr3", "10.83.0");
        assertThat(netlab("up", file.toString()).exitCode()).isZero();
        Shell.check("ip", "link", "add", "theirs9", "type", "bridge");
        try {
            Shell.check("ip", "link", "set", "theirs9", "group", Integer.toString(group("gbr3")));

            Run down = netlab("down", "grp");

            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(down.err()).contains("theirs9 is in lab grp's link group").contains("left alone");
            assertThat(Shell.run("ip", "link", "show", "theirs9").exitCode()).isZero();
            assertThat(Shell.run("ip", "link", "show", "gbr3").exitCode()).isNotZero();
            assertThat(Shell.run("ip", "link", "show", "gc-eth0").exitCode()).isNotZero();
        } finally {
            Shell.run("ip", "link", "delete", "theirs9");
            netlab("down", "-f", "grp");
        }
    }

    private static int group(String device) {
        return Integer.parseInt(Json.of("ip", "-j", "-d", "link", "show", "dev", device).get(0).path("group").asText());
    }
}
