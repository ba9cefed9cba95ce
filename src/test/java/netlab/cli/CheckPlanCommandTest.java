package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import netlab.testing.NetlabRunner.Run;
import netlab.topology.Expectation;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check and plan read a file and print; they never need the kernel. Exit codes 0 and 3. */
class CheckPlanCommandTest {
    @TempDir
    Path directory;

    private Path broken() throws Exception {
        // Two problems on two lines: both must be reported, in file order, in one run.
        return Cli.topology(directory, "two-problems.topo", """
                node ns1
                  adress eth0 10.0.0.1/24
                  mtu lo 99999
                """);
    }

    @Test
    void oneNodeAndOneInterfaceAreSaidInTheSingular() throws Exception {
        Path file = Cli.topology(directory, "one.topo", "lab one\nnode solo\n  bridge br0\n");

        Run run = netlab("check", file.toString());

        assertThat(run.out()).isEqualTo(file + ": lab one is valid (1 node, 1 interface)\n");
    }

    /** A path may hold anything; an escape in it must not reach the terminal. */
    @Test
    void aPathsControlCharactersAreShownAsQuestionMarks() throws Exception {
        Path file = Cli.topology(directory, "a\u001b[2Jb\nc.topo", "lab one\nnode solo\n  bridge br0\n");

        Run run = netlab("check", file.toString());

        assertThat(run.out()).isEqualTo(directory + "/a?[2Jb?c.topo: lab one is valid (1 node, 1 interface)\n");
    }

    @Test
    void checkOfAValidFileSaysSoInOneLine() {
        Run run = netlab("check", LAN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(LAN + ": lab lan is valid (2 nodes, 5 interfaces, 4 expectations)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkOfABrokenFileListsEveryProblemWithItsPosition() throws Exception {
        Path file = broken();

        Run run = netlab("check", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().filter(l -> l.matches("\\S+:\\d+:\\d+: .*")).toList()).containsExactly(
                file + ":2:3: unknown statement 'adress' (did you mean 'address'?)",
                file + ":3:10: mtu 99999 is out of range (68..65535)");
        // Each diagnostic quotes its line, with a caret under the column.
        assertThat(run.err()).contains("\n    adress eth0 10.0.0.1/24\n    ^\n");
    }

    @Test
    void checkOfAMissingFileIsATopologyError() {
        Path missing = directory.resolve("missing.topo");

        Run run = netlab("check", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(run.err()).isEqualTo(missing + ": cannot read the file: no such file\n");
    }

    @Test
    void planPrintsExactlyWhatThePlannerRenders() throws Exception {
        var lab = TopologyReader.read(Path.of(LAN));
        String expected = Steps.script(Planner.plan(lab)) + PlanCommand.expectations(lab.expectations());

        Run run = netlab("plan", LAN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(expected);
        // ... which is the reviewed golden plan of lan.topo, not some empty rendering.
        assertThat(run.out()).isEqualTo(Files.readString(Path.of("test/resources/plans/lan.plan"), StandardCharsets.UTF_8));
        assertThat(run.err()).isEmpty();
    }

    private Path expecting() throws Exception {
        return Cli.topology(directory, "expecting.topo", """
                node ns1
                  link eth0 to ns2:eth0 address 10.0.0.1/30
                  expect reaches 10.0.0.2 ttl 64
                node ns2
                  address eth0 10.0.0.2/30
                  expect ns2 !reaches 192.0.2.1 within 300ms
                """);
    }

    @Test
    void planListsTheExpectationsAfterTheStepsAsComments() throws Exception {
        Path file = expecting();
        String steps = Steps.script(Planner.plan(TopologyReader.read(file)));

        Run run = netlab("plan", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(steps
                + "# expect ns1 reaches 10.0.0.2 ttl 64            (" + file + ":3:3)\n"
                + "# expect ns2 !reaches 192.0.2.1 within 300ms    (" + file + ":6:3)\n");
        assertThat(steps).isNotEmpty().doesNotContain("# expect");
    }

    @Test
    void aFileNameCannotEndTheCommentOfAnExpectation() throws Exception {
        Expectation e = TopologyReader.parse("a\nrm -rf b.topo", "lab x\nnode a\n  expect reaches 10.0.0.1\n").expectations().getFirst();

        assertThat(PlanCommand.expectations(List.of(e))).isEqualTo("# expect a reaches 10.0.0.1    (a?rm -rf b.topo:3:3)\n");
    }

    @Test
    void checkCountsTheExpectations() throws Exception {
        Path file = expecting();

        Run run = netlab("check", file.toString());

        assertThat(run.out()).isEqualTo(file + ": lab expecting is valid (2 nodes, 2 interfaces, 2 expectations)\n");
    }

    @Test
    void planOfABrokenFileIsATopologyError() throws Exception {
        Path file = broken();

        Run run = netlab("plan", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ":2:3: unknown statement 'adress'");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = netlab("up", "--frobnicate", LAN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'", "Usage: netlab up");
    }

    @Test
    void aMissingFileArgumentIsAUsageError() {
        for (String verb : new String[] {"up", "check", "plan"}) {
            Run run = netlab(verb);

            assertThat(run.exitCode()).as(verb).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(verb).contains("Missing required parameter: 'FILE'", "Usage: netlab " + verb);
        }
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        Run run = netlab("frobnicate", LAN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("netlab: unknown verb 'frobnicate'; the verbs are " + verbs() + "\n");
    }

    @Test
    void aMisspeltVerbGetsTheNearestOne() {
        Run run = netlab("-v", "uo", LAN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("netlab: unknown verb 'uo' (did you mean 'up'?); the verbs are " + verbs() + "\n");
    }

    /** Every verb in help's order, as the message lists them (other verbs may join the list). */
    private static String verbs() {
        return String.join(", ", NetlabCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void downNeedsALabOrAllButNotBoth() {
        assertThat(netlab("down").exitCode()).isEqualTo(ExitCodes.USAGE);
        Run both = netlab("down", "--all", "lan");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("Unmatched argument at index 2: 'lan'", "Usage: netlab down");
    }

    @Test
    void execNeedsACommand() {
        Run run = netlab("exec", "ns1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required parameter: 'COMMAND'");
    }
}
