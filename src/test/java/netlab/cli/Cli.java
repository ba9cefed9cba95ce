package netlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;

/**
 * Runs netlab for the CLI tests: in-process with captured writers (picocli's "Testing Your
 * Application"), or as {@code netlab.cli.Main} in a child JVM for the verbs that replace their
 * process ({@code exec}) or need other privileges than the test JVM has.
 */
final class Cli {
    /** The example lab, as the tests (run from src/) name it on the command line. */
    static final String LAN = "../topologies/lan.topo";

    private Cli() {}

    static Run netlab(String... args) {
        return NetlabRunner.inProcess(args);
    }

    /** {@code prefix... java ... netlab.cli.Main args...}: prefix is a wrapper such as setpriv, or nothing. */
    static Shell.Result childJvm(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(NetlabRunner.javaCommand(Main.class, args));
        return Shell.run(command.toArray(String[]::new));
    }

    static Shell.Result childJvm(String... args) {
        return childJvm(List.of(), args);
    }

    /** A topology file written for one test (into a JUnit temporary directory). */
    static Path topology(Path directory, String name, String text) throws java.io.IOException {
        return Files.writeString(directory.resolve(name), text);
    }
}
