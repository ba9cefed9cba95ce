package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up, down, ls and show on real labs: exit codes 0 and 6, and what they print. */
@KernelTest
class UpDownLsTest {
    private static final Path LAN_FILE = Path.of(LAN).toAbsolutePath().normalize();

    @TempDir
    Path directory;

    private KernelTraces before;

    @BeforeEach
    void noLabIsUp() {
        before = KernelTraces.take();
        assertThat(netlab("ls").out()).isEqualTo("no lab is up\n");
    }

    /** Each test takes its labs down itself; then nothing of them may be left. */
    @AfterEach
    void nothingIsLeft() {
        String left = netlab("ls").out();
        if (!left.equals("no lab is up\n")) {
            netlab("down", "--all");
        }
        assertThat(left).as("labs the test left up").isEqualTo("no lab is up\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        Run run = netlab("up", "--dry-run", LAN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(netlab("plan", LAN).out()).startsWith("ip netns add ns1\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void verboseUpTellsOnStderrHowLongEachGroupOfStepsTook() {
        Run up = netlab("-v", "up", LAN);

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).startsWith("lab lan is up");
        assertThat(up.err().lines().toList()).hasSize(12).allMatch(line -> line.matches(" *\\d+ ms  .+"))
                .anyMatch(line -> line.endsWith("ms  ip netns add ns1 (and 1 more like it)"))
                // A long command (the hosts file's printf) is cut to 100 characters.
                .anyMatch(line -> line.matches(" *\\d+ ms  mkdir -p /run/netlab/lan && printf .{60,} \\.\\.\\."))
                .anyMatch(line -> line.endsWith("ms  ip link set dev br0 up (and 6 more like it)"))
                .last().satisfies(line -> assertThat(line).endsWith("ms  wait until every link and address is up"));
        assertThat(netlab("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void upThenLsThenDownByName() {
        Run up = netlab("up", LAN);
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).matches("(?s)lab lan is up \\(\\d+ ms\\)\n"
                + "  host: br0\\[192\\.168\\.0\\.254/24] ns1-eth0 ns2-eth0\n"
                + "  node ns1: eth0\\[192\\.168\\.0\\.1/24]\n"
                + "  node ns2: eth0\\[192\\.168\\.0\\.2/24]\n"
                + "use it:  netlab exec ns1 ip addr\n.*");
        assertThat(Shell.check("ip", "netns", "list")).contains("ns1", "ns2");

        Run ls = netlab("ls");
        assertThat(ls.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(ls.out().lines().toList()).hasSize(2);
        assertThat(ls.out().lines().toList().get(0)).matches("LAB +STATUS +NODES +SINCE +FILE");
        assertThat(ls.out().lines().toList().get(1)).matches(
                "lan +up +2  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +" + Pattern.quote(LAN_FILE.toString()));

        Run down = netlab("down", "lan");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).isEqualTo("lab lan is down\n");
        assertThat(netlab("ls").out()).isEqualTo("no lab is up\n");
    }

    @Test
    void downByTheTopologyFilesPath() {
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);

        Run down = netlab("down", LAN);

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).isEqualTo("lab lan is down\n");
        assertThat(Shell.check("ip", "netns", "list")).doesNotContain("ns1", "ns2");
    }

    @Test
    void downOfALabThatIsNotUpIsALabStateError() {
        Run down = netlab("down", "lan");

        assertThat(down.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(down.out()).isEmpty();
        assertThat(down.err()).isEqualTo("netlab: lab lan is not up (see netlab ls; -f makes this not an error)\n");
    }

    @Test
    void forcedDownOfALabThatIsNotUpSucceeds() {
        Run down = netlab("down", "-f", "lan");

        assertThat(down.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).isEqualTo("lab lan is not up; nothing to do\n");
        assertThat(down.err()).isEmpty();
    }

    @Test
    void downAllTakesDownEveryLab() throws Exception {
        Path pair = Cli.topology(directory, "pair.topo", """
                lab pair
                node pa
                  link eth0 to pb:eth0 address 10.9.0.1/30
                node pb
                """);
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(netlab("up", pair.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(netlab("ls").out().lines().skip(1).map(l -> l.split(" +")[0]).toList())
                .containsExactly("lan", "pair");

        Run down = netlab("down", "--all");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).isEqualTo("lab lan is down\nlab pair is down\n");
        assertThat(Shell.check("ip", "netns", "list")).doesNotContain("ns1", "ns2", "pa", "pb");
    }

    @Test
    void upOfALabThatIsUpIsALabStateErrorAndChangesNothing() throws Exception {
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);
        KernelTraces up = KernelTraces.take();
        assertThat(up).as("the snapshot sees a lab").isNotEqualTo(before);

        Run again = netlab("up", LAN);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).matches("netlab: lab lan is already up \\(since \\S+\\); take it down first: "
                + "netlab down lan\n");
        assertThat(KernelTraces.take()).isEqualTo(up);
        assertThat(netlab("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void execInANodeOfALabThatIsNotUpIsALabStateError() {
        Run exec = netlab("exec", "ns1", "true");

        assertThat(exec.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(exec.err()).isEqualTo("netlab: no node ns1 is up (see netlab ls)\n");
    }

    @Test
    void showOfALabThatIsNotUpIsALabStateError() {
        Run show = netlab("show", "lan");

        assertThat(show.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(show.err()).contains("lab lan is not up");
    }

    @Test
    void theStateOfAnUpLabIsKeptUnderRunNetlab() throws Exception {
        assertThat(netlab("up", LAN).exitCode()).isEqualTo(ExitCodes.OK);

        String state = Files.readString(Path.of("/run/netlab/lan/state"));

        assertThat(state).startsWith("netlab-state 2\nlab lan\nfile " + LAN_FILE + "\n").contains("status up\n",
                "link br0\n", "sysctl net.ipv4.ip_forward 0\n", "table host ip netlab-lan\n");
        assertThat(netlab("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Path.of("/run/netlab/lan")).doesNotExist();
    }
}
