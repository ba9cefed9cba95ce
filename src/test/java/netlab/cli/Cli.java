package netlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Shell;
import picocli.CommandLine;

/**
 * Runs netlab for the CLI tests: in-process with captured writers (picocli's "Testing Your
 * Application"), or as {@code netlab.cli.Main} in a child JVM for the verbs that replace their
 * process ({@code exec}) or need other privileges than the test JVM has.
 */
final class Cli {
    /** The example lab, as the tests (run from src/) name it on the command line. */
    static final String LAN = "../topologies/lan.topo";

    private Cli() {}

    /** What one in-process run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run netlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code prefix... java ... netlab.cli.Main args...}: prefix is a wrapper such as setpriv, or nothing. */
    static Shell.Result childJvm(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
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
