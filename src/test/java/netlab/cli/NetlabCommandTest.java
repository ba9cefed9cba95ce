package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI runs in-process with captured writers: output and exit codes are checked directly. */
class NetlabCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void versionNamesNetlabAndTheRuntime() {
        assertThat(run("--version")).isZero();
        // One line that tells this netlab from ipspace's (README: Two netlabs on one machine).
        assertThat(out.toString()).matches("netlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(netlab lab orchestrator, Java "
                + java.util.regex.Pattern.quote(Runtime.version().toString()) + "\\)\\R");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpShowsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: netlab").contains("--version", "Commands:");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command", "Usage: netlab");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void helpListsEveryVerbInItsOrder() {
        assertThat(NetlabCommand.commandLine().getSubcommands().keySet())
                .containsExactly("up", "down", "exec", "ls", "show", "watch", "link", "impair", "check", "plan", "partition", "k8s", "test", "pingall", "graph", "doctor", "completion", "help",
                        "__complete");
        // The completion script's helper is not the user's: help does not list it.
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("  completion ").doesNotContain("__complete");
    }

    @Test
    void aNamedVerbIsTheOnlyOneBuilt() {
        for (String verb : new String[] {"up", "down", "exec", "ls", "show", "watch", "link", "impair", "check", "plan", "partition", "k8s", "test", "pingall", "graph", "doctor", "completion",
                "__complete"}) {
            CommandLine command = NetlabCommand.commandLine(new String[] {"-v", verb, "x"});
            assertThat(command.getSubcommands().keySet()).containsExactly(verb);
            // The name it is registered under is the one its own @Command declares.
            assertThat(command.getSubcommands().get(verb).getCommandSpec().name()).isEqualTo(verb);
        }
    }

    @Test
    void anythingElseBuildsEveryVerb() {
        for (String[] args : new String[][] {{}, {"help", "up"}, {"-h", "up"}, {"upp"}, {"--", "up"}, {"@file", "up"}}) {
            assertThat(NetlabCommand.commandLine(args).getSubcommands()).hasSize(19);
        }
    }
}
