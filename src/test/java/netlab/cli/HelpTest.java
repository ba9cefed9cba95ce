package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ParseResult;

/**
 * Every verb answers {@code VERB --help}, {@code VERB -h} and {@code help VERB} with its own
 * usage and exit 0, on each path {@link Main} can take: neither shortcut claims the request,
 * and picocli gives the same answer with every verb built (the tests' command line) as with
 * only the named one ({@link NetlabCommand#commandLine(String[])}).
 */
class HelpTest {
    static Stream<Arguments> helpRequests() {
        List<Arguments> requests = new ArrayList<>();
        for (String verb : NetlabCommand.commandLine().getSubcommands().keySet()) {
            requests.add(request(verb, verb, "--help"));
            requests.add(request(verb, verb, "-h"));
            requests.add(request(verb, "help", verb));
            requests.add(request(verb, "-v", verb, "--help"));
        }
        // Help wins over whatever else is on the line, required parameters missing or not.
        requests.add(request("up", "up", "--help", "lan.topo"));
        requests.add(request("down", "down", "--all", "-h"));
        // The program's place after the node: no program is called --help.
        requests.add(request("exec", "exec", "ns1", "--help"));
        requests.add(request("exec", "exec", "ns1", "-h", "x"));
        return requests.stream();
    }

    private static Arguments request(String verb, String... args) {
        return Arguments.of(String.join(" ", args), verb, args);
    }

    @ParameterizedTest(name = "netlab {0}")
    @MethodSource("helpRequests")
    void answersWithTheVerbsUsage(String line, String verb, String[] args) {
        String usage = NetlabCommand.commandLine().getSubcommands().get(verb).getUsageMessage();

        assertThat(UpShortcut.applies(args)).isFalse();
        assertThat(ExecShortcut.applies(args)).isFalse();
        Run run = NetlabRunner.inProcess(args);
        assertThat(run).isEqualTo(new Run(ExitCodes.OK, usage, ""));
        assertThat(NetlabRunner.inProcessLikeMain(args)).isEqualTo(run);
        if (!verb.equals("help")) {
            // picocli's own help verb starts with its header line; netlab's verbs with their usage.
            assertThat(run.out()).startsWith("Usage: netlab " + verb + " ");
        }
    }

    @Test
    void afterTheNodeHelpBelongsToTheProgram() {
        String[] args = {"exec", "ns1", "ls", "--help"};

        // Main runs "ls --help" in ns1 without asking picocli ...
        assertThat(ExecShortcut.applies(args)).isTrue();
        // ... and picocli, too, reads --help as an argument of ls.
        ParseResult exec = NetlabCommand.commandLine(args).parseArgs(args).subcommand();
        assertThat(exec.isUsageHelpRequested()).isFalse();
        assertThat(exec.matchedPositional(1).<List<String>>getValue()).containsExactly("ls", "--help");
    }

    @Test
    void theLauncherPrintsHelpBeforeTheJvmExits() {
        for (String[] args : new String[][] {{"up", "--help"}, {"exec", "ns1", "--help"}}) {
            Shell.Result main = Cli.childJvm(args);

            assertThat(new Run(main.exitCode(), main.stdout(), main.stderr())).isEqualTo(NetlabRunner.inProcess(args));
        }
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        Run run = NetlabRunner.inProcess("help", "nosuchverb");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Unknown subcommand 'nosuchverb'.").contains("Usage: netlab [");
    }
}
