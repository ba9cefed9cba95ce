package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/** Which command lines skip picocli for exec, and that those say what picocli's path says. */
class ExecShortcutTest {
    @Test
    void theExecFormScriptsUseSkipsPicocli() {
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "true"})).isTrue();
        // After the node everything is the program's, options included.
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "ping", "-c1", "--", "-v"})).isTrue();
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "ls", "--help"})).isTrue();
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "--", "ping", "-c1"})).isTrue();
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "--", "--help"})).isTrue();
    }

    @Test
    void aDoubleDashAfterTheNodeEndsNetlabsOptionsAndOnlyThere() {
        assertThat(ExecCommand.program(List.of("--", "ping", "-c1"))).containsExactly("ping", "-c1");
        // After it everything is the program's, a second -- or --help included.
        assertThat(ExecCommand.program(List.of("--", "--", "x"))).containsExactly("--", "x");
        assertThat(ExecCommand.program(List.of("--", "--help"))).containsExactly("--help");
        // Anywhere else it is an argument of the program.
        assertThat(ExecCommand.program(List.of("ls", "--"))).containsExactly("ls", "--");
    }

    @Test
    void aDoubleDashWithoutAProgramIsAUsageErrorOnBothPaths() {
        Run picocli = Cli.netlab("exec", "ns1", "--");

        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "--"})).isFalse();
        assertThat(picocli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(picocli.err()).startsWith("Missing required parameter: 'COMMAND'\nUsage: netlab exec");
    }

    @Test
    void everyOtherFormGoesToPicocli() {
        assertThat(ExecShortcut.applies(new String[] {})).isFalse();
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1"})).isFalse();
        assertThat(ExecShortcut.applies(new String[] {"-v", "exec", "ns1", "true"})).isFalse();
        assertThat(ExecShortcut.applies(new String[] {"exec", "--help", "true"})).isFalse();
        // No program is called --help: that asks for exec's usage.
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "--help"})).isFalse();
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "-h", "x"})).isFalse();
        assertThat(ExecShortcut.applies(new String[] {"exec", "-v", "ns1", "true"})).isFalse();
        assertThat(ExecShortcut.applies(new String[] {"up", "lan.topo", "extra"})).isFalse();
        // picocli reads @files, even among the program's arguments.
        assertThat(ExecShortcut.applies(new String[] {"exec", "ns1", "curl", "-d", "@body.json"})).isFalse();
    }

    @Test
    void aNodeThatIsNotUpIsReportedAsPicocliReportsIt() {
        Shell.Result shortcut = Cli.childJvm("exec", "no-such-node", "true");
        Run picocli = Cli.netlab("exec", "no-such-node", "true");

        assertThat(shortcut.exitCode()).isEqualTo(picocli.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(shortcut.stderr()).isEqualTo(picocli.err())
                .isEqualTo("netlab: no node no-such-node is up (see netlab ls)\n");
        assertThat(shortcut.stdout()).isEmpty();
    }
}
