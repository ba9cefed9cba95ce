package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;

/**
 * Drives the completion script as bash does on TAB: the words typed so far in COMP_WORDS, the
 * word under the cursor last (COMP_CWORD), then the script's function, then what it offers.
 */
final class BashCompletion {
    private BashCompletion() {}

    /** Writes {@code netlab completion bash}'s output into {@code directory}. */
    static Path script(Path directory) throws IOException {
        NetlabRunner.Run run = NetlabRunner.inProcess("completion", "bash");
        if (run.exitCode() != ExitCodes.OK || !run.err().isEmpty()) {
            throw new IllegalStateException("netlab completion bash: " + run);
        }
        return Files.writeString(directory.resolve("netlab.bash"), run.out());
    }

    /** What the script offers for {@code words} (the last one under the cursor), typed in {@code cwd}. */
    static List<String> complete(Path script, Path cwd, String... words) {
        return run(List.of("bash", "-c"), script, cwd, words);
    }

    /**
     * The same in zsh, with {@code netlab completion zsh}'s script: zsh -f reads no rc file, and
     * ZDOTDIR keeps compinit's dump file beside the script, out of the user's home.
     */
    static List<String> completeInZsh(Path script, Path cwd, String... words) {
        return run(List.of("env", "ZDOTDIR=" + script.getParent(), "zsh", "-f", "-c"), script, cwd, words);
    }

    private static List<String> run(List<String> shell, Path script, Path cwd, String... words) {
        List<String> command = new ArrayList<>(shell);
        command.addAll(List.of("""
                source "$1" && cd "$2" && shift 2 || exit 99
                COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
                _netlab
                printf '%s\\n' "${COMPREPLY[@]}"
                """, "netlab-completion", script.toString(), cwd.toString()));
        command.addAll(List.of(words));
        Shell.Result result = Shell.run(command.toArray(String[]::new));
        if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
            throw new IllegalStateException("completing " + List.of(words) + ": " + result);
        }
        return result.stdout().lines().filter(line -> !line.isEmpty()).toList();
    }
}
