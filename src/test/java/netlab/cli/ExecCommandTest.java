package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec replaces its process with the program, so it runs as netlab.cli.Main in a child JVM: the
 * program's exit status is netlab's, and its arguments are its own (-c1 is ping's, not netlab's).
 */
@KernelTest
class ExecCommandTest {
    private static KernelTraces before;

    @BeforeAll
    static void upLan() {
        before = LanForTheClass.up();
    }

    @AfterAll
    static void downLan() {
        LanForTheClass.down(before);
    }

    @Test
    void theProgramsExitStatusIsNetlabs() {
        assertThat(Cli.childJvm("exec", "ns1", "sh", "-c", "exit 7").exitCode()).isEqualTo(7);
        assertThat(Cli.childJvm("exec", "ns1", "true").exitCode()).isZero();
    }

    @Test
    void pingWithItsOwnOptionsReachesTheOtherNode() {
        Shell.Result ping = Cli.childJvm("exec", "ns1", "ping", "-c1", "-W2", "192.168.0.2");

        assertThat(ping.exitCode()).as(ping.stderr()).isZero();
        assertThat(ping.stdout()).contains("1 packets transmitted, 1 received");
    }

    @Test
    void theProgramSeesTheNodesInterfaces() {
        Shell.Result links = Cli.childJvm("exec", "ns2", "ls", "/sys/class/net");

        assertThat(links.exitCode()).isZero();
        assertThat(links.stdout().lines().toList()).containsExactlyInAnyOrder("lo", "eth0");
    }

    @Test
    void aDoubleDashBeforeTheProgramIsNetlabsOnBothPaths() {
        // The shortcut takes "exec NODE ..."; a verbose flag before the verb sends it to picocli.
        for (List<String> netlab : List.of(List.of("exec"), List.of("-v", "exec"))) {
            Shell.Result run = Cli.childJvm(args(netlab, "ns1", "--", "sh", "-c", "exit 7"));
            Shell.Result dashes = Cli.childJvm(args(netlab, "ns1", "--", "echo", "--", "x"));

            assertThat(run.exitCode()).as(netlab + ": " + run.stderr()).isEqualTo(7);
            assertThat(dashes.stdout()).as(netlab.toString()).isEqualTo("-- x\n");
        }
    }

    @Test
    void aDoubleDashAfterTheProgramIsTheProgramsOnBothPaths() {
        for (List<String> netlab : List.of(List.of("exec"), List.of("-v", "exec"))) {
            Shell.Result echo = Cli.childJvm(args(netlab, "ns1", "echo", "--"));

            assertThat(echo.exitCode()).as(netlab + ": " + echo.stderr()).isZero();
            assertThat(echo.stdout()).as(netlab.toString()).isEqualTo("--\n");
        }
    }

    private static String[] args(List<String> netlab, String... rest) {
        List<String> all = new java.util.ArrayList<>(netlab);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @Test
    void execInANodeThatIsNotUpIsALabStateError() {
        Run run = netlab("exec", "ns3", "true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run.err()).isEqualTo("netlab: no node ns3 is up (did you mean 'ns1'?); the nodes up are ns1, ns2\n");
    }

    @Test
    void aNodeFarFromEveryNameGetsTheListAlone() {
        Run run = netlab("exec", "router", "true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run.err()).isEqualTo("netlab: no node router is up; the nodes up are ns1, ns2\n");
    }

    @Test
    void aLargeLabListsItsFirstTenNodesAndCountsTheRest(@TempDir Path directory) throws Exception {
        StringBuilder star = new StringBuilder("lab star12\nhost\n  bridge sbr0 10.77.0.254/24\n");
        for (int i = 1; i <= 12; i++) {
            star.append("node s").append(i).append("\n  link eth0 to sbr0 address 10.77.0.").append(i).append("/24\n");
        }
        Path file = Cli.topology(directory, "star12.topo", star.toString());
        assertThat(netlab("up", file.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        try {
            Run run = netlab("exec", "s13", "true");

            assertThat(run.err()).isEqualTo("netlab: no node s13 is up (did you mean 's1'?); the nodes up are "
                    + "ns1, ns2, s1, s2, s3, s4, s5, s6, s7, s8 and 4 more\n");
        } finally {
            assertThat(netlab("down", "star12").exitCode()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void aMissingProgramIsReportedByTheChild() {
        Shell.Result run = Cli.childJvm("exec", "ns1", "no-such-program-here");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_FOUND); // 127, as a shell says it
        assertThat(run.stderr()).isEqualTo("netlab: no-such-program-here: command not found\n");
    }

    @Test
    void aProgramThatCannotBeRunIsReportedAsAShellDoes(@TempDir Path directory) throws Exception {
        Path notes = Files.writeString(directory.resolve("notes.txt"), "not a program\n");
        Path garbage = Files.writeString(directory.resolve("garbage"), "\u0001\u0002 not a format the kernel knows\n");
        Files.setPosixFilePermissions(garbage, PosixFilePermissions.fromString("rwxr-xr-x"));

        Shell.Result file = Cli.childJvm("exec", "ns1", notes.toString());
        Shell.Result unknownFormat = Cli.childJvm("exec", "ns1", garbage.toString());
        Shell.Result aDirectory = Cli.childJvm("exec", "ns1", directory.toString());

        assertThat(file.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_EXECUTABLE); // 126, as a shell says it
        assertThat(file.stderr()).isEqualTo("netlab: " + notes + ": cannot run it: EACCES (Permission denied)\n");
        assertThat(unknownFormat.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_EXECUTABLE);
        assertThat(unknownFormat.stderr()).isEqualTo("netlab: " + garbage + ": cannot run it: ENOEXEC (Exec format error)\n");
        assertThat(aDirectory.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_EXECUTABLE);
    }
}
