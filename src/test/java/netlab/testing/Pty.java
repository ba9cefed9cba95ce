package netlab.testing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a command on a pseudo-terminal of its own (util-linux {@code script}), as if a person ran
 * it: its standard output and error are both the terminal, so they come back together in
 * {@link Shell.Result#stdout()}, with the terminal's CR LF line ends.
 */
public final class Pty {
    private Pty() {}

    public static Shell.Result run(List<String> command) {
        String line = command.stream().map(Pty::quoted).collect(Collectors.joining(" "));
        return Shell.run("script", "-qec", line, "/dev/null");
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
