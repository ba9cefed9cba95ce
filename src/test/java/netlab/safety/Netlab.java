package netlab.safety;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.Main;
import netlab.cli.NetlabCommand;
import picocli.CommandLine;

/** Runs netlab for the safety tests: in-process with captured output, or as a child JVM. */
final class Netlab {
    /** The example lab, as the tests (run from src/) name it on the command line. */
    static final String LAN = "../topologies/lan.topo";
    static final String AWS = "../topologies/aws-secondary-ip.topo";

    private Netlab() {}

    /** What one in-process run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Starts {@code java ... netlab.cli.Main args...} without waiting for it; its standard output
     * and error go to {@code out} and {@code err}.
     */
    static Process start(Path out, Path err, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("NETLAB_TEST_FAIL_BEFORE_STEP");
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
