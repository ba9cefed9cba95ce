package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netlab completion bash|zsh: a script bash accepts, which completes verbs, options and files. */
class CompletionScriptTest {
    @TempDir
    Path directory;

    private Path script;
    private Path cwd;

    @BeforeEach
    void writeScript() throws Exception {
        script = BashCompletion.script(directory);
        cwd = Files.createDirectory(directory.resolve("cwd"));
    }

    @Test
    void bashAcceptsTheScript() {
        assertThat(Shell.run("bash", "-n", script.toString())).isEqualTo(new Shell.Result(0, "", ""));
    }

    @Test
    void completesEveryVerbButTheHiddenOne() {
        List<String> verbs = NetlabCommand.commandLine().getSubcommands().keySet().stream()
                .filter(verb -> !verb.equals(CompleteNamesCommand.NAME)).toList();

        assertThat(BashCompletion.complete(script, cwd, "netlab", "")).isEqualTo(verbs).contains("up", "completion");
        assertThat(BashCompletion.complete(script, cwd, "netlab", "u")).isEqualTo(List.of("up"));
        assertThat(BashCompletion.complete(script, cwd, "netlab", "-v", "--trace-netlink", "pi"))
                .isEqualTo(List.of("pingall"));
        assertThat(BashCompletion.complete(script, cwd, "netlab", "help", "sh")).isEqualTo(List.of("show"));
    }

    @Test
    void completesAVerbsOptions() {
        assertThat(BashCompletion.complete(script, cwd, "netlab", "test", "--j")).isEqualTo(List.of("--json", "--junit"));
        assertThat(BashCompletion.complete(script, cwd, "netlab", "down", "--a")).isEqualTo(List.of("--all"));
        assertThat(BashCompletion.complete(script, cwd, "netlab", "--vers")).isEqualTo(List.of("--version"));
    }

    @Test
    void completesFilesWhereAFileIsTakenAndTheShellNames() throws Exception {
        Files.writeString(cwd.resolve("lan.topo"), "");
        Files.writeString(cwd.resolve("report.xml"), "");

        assertThat(BashCompletion.complete(script, cwd, "netlab", "up", "l")).isEqualTo(List.of("lan.topo"));
        assertThat(BashCompletion.complete(script, cwd, "netlab", "test", "--junit", "r")).isEqualTo(List.of("report.xml"));
        // --name takes a word of the user's: nothing to offer, and the file after it is the FILE.
        assertThat(BashCompletion.complete(script, cwd, "netlab", "up", "--name", "")).isEmpty();
        assertThat(BashCompletion.complete(script, cwd, "netlab", "up", "--name", "x", "l")).isEqualTo(List.of("lan.topo"));
        // One FILE only: nothing after it.
        assertThat(BashCompletion.complete(script, cwd, "netlab", "up", "lan.topo", "")).isEmpty();
        assertThat(BashCompletion.complete(script, cwd, "netlab", "completion", "")).isEqualTo(List.of("bash", "zsh"));
        // After exec's node every word is the program's: its options are not netlab's, its files are.
        assertThat(BashCompletion.complete(script, cwd, "netlab", "exec", "ns1", "ls", "--h")).isEmpty();
        assertThat(BashCompletion.complete(script, cwd, "netlab", "exec", "ns1", "cat", "l")).isEqualTo(List.of("lan.topo"));
        assertThat(BashCompletion.complete(script, cwd, "netlab", "exec", "--h")).isEqualTo(List.of("--help"));
    }

    @Test
    void theZshScriptIsTheBashOneThroughBashcompinit() throws Exception {
        Run zsh = NetlabRunner.inProcess("completion", "zsh");

        assertThat(zsh.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(zsh.out()).isEqualTo("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                + Files.readString(script));
    }

    /**
     * zsh runs the bash script through bashcompinit, whose compgen -W does not filter by the word
     * typed (zsh's own matching does, after): so whole lists here where bash gives the matches.
     */
    @Test
    void zshCompletesVerbsOptionsAndFilesToo() throws Exception {
        Assumptions.assumeTrue(Shell.run("sh", "-c", "command -v zsh").exitCode() == 0, "zsh is not installed (make deps installs it)");
        Path zsh = Files.writeString(directory.resolve("netlab.zsh"), NetlabRunner.inProcess("completion", "zsh").out());
        Files.writeString(cwd.resolve("lan.topo"), "");
        List<String> verbs = NetlabCommand.commandLine().getSubcommands().keySet().stream()
                .filter(verb -> !verb.equals(CompleteNamesCommand.NAME)).toList();

        assertThat(BashCompletion.completeInZsh(zsh, cwd, "netlab", "-v", "")).isEqualTo(verbs);
        assertThat(BashCompletion.completeInZsh(zsh, cwd, "netlab", "down", "-")).isEqualTo(
                List.of("-h", "--help", "--all", "-f", "--force", "-v", "--verbose", "--trace-netlink"));
        assertThat(BashCompletion.completeInZsh(zsh, cwd, "netlab", "up", "--name", "x", "l")).isEqualTo(List.of("lan.topo"));
        assertThat(BashCompletion.completeInZsh(zsh, cwd, "netlab", "completion", "")).isEqualTo(List.of("bash", "zsh"));
        try (var left = Files.list(directory)) {
            assertThat(left.map(path -> path.getFileName().toString()).sorted())
                    .as("compinit's dump stays beside the script").contains(".zcompdump");
        }
    }

    @Test
    void anotherShellIsAUsageError() {
        Run fish = NetlabRunner.inProcess("completion", "fish");

        assertThat(fish.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fish.err()).startsWith("Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh]");
    }
}
