package netlab.testing;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import netlab.cli.NetlabCommand;
import picocli.CommandLine;

/**
 * Runs netlab for the tests: in-process with captured writers (picocli's "Testing Your
 * Application"), or as the command line of a child JVM like the test's own, for the verbs that
 * replace their process ({@code exec}) or must run apart from the test.
 */
public final class NetlabRunner {
    private NetlabRunner() {}

    /** What one in-process run printed and returned. */
    public record Run(int exitCode, String out, String err) {}

    /** {@code netlab ARGS...} in this JVM, on the command line every caller uses. */
    public static Run inProcess(String... args) {
        return run(NetlabCommand.commandLine(), args);
    }

    /**
     * {@code netlab ARGS...} in this JVM as {@code netlab.cli.Main} runs it when no shortcut
     * applies: on {@link NetlabCommand#commandLine(String[])}, which builds only the named verb
     * when it can.
     */
    public static Run inProcessLikeMain(String... args) {
        return run(NetlabCommand.commandLine(args), args);
    }

    private static Run run(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** {@code java ... MAIN ARGS...} with this JVM's binary, class path and the launcher's flags. */
    public static List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", childClassPath(), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The test JVM's class path without the libraries only tests use: ArchUnit brings SLF4J, and
     * Netty, finding SLF4J without a provider, would print warnings that netlab never prints.
     */
    private static String childClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().matches("(archunit|slf4j).*\\.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
